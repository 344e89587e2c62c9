// What other areas use from staff accounts: the chat side links officers' chats with `/canbo <code>`,
// app.ts prints the first-admin link.
export { redeemChatLinkCode, type ChatLinkResult } from "./chat-link.js";
export { ensureSetupLink } from "./setup-link.js";
