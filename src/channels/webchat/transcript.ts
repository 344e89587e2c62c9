import type { ClaimRequest, RunClaim } from "../../bot/update-ledger.js";

/**
 * The web chat's message history: what the farmer typed and what the bot answered, so a reload (or a
 * weak network dropping a response) never loses a message. Officer replies that arrive later are
 * read from here by the page's polling.
 */
// A type alias (not an interface) so it is assignable to Prisma's JSON input type.
export type ChatButton = { text: string; data: string };

export interface ChatMessage {
  /** Transcript-wide id, increasing: the page asks for everything after the last one it has. */
  seq: number;
  messageId: number;
  fromBot: boolean;
  text: string;
  buttons: ChatButton[][];
  edited: boolean;
}

export interface NewMessage {
  fromBot: boolean;
  text: string;
  buttons: ChatButton[][];
  /** The page's id for a farmer's input; appending the same one again returns the stored message. */
  clientId?: string;
}

export type StoredMessage = ChatMessage & { duplicate: boolean };

export interface Transcript {
  append(chatId: number, message: NewMessage): Promise<StoredMessage>;
  /**
   * Appends what the farmer typed and claims its update (UpdateLedger.begin's claim, its state keys
   * read with it) in one round trip: every input does both. `claim` is undefined when refused.
   */
  receive(
    chatId: number,
    message: NewMessage,
    claim: ClaimRequest,
  ): Promise<{ saved: StoredMessage; claim?: RunClaim }>;
  edit(
    chatId: number,
    messageId: number,
    change: { text?: string; buttons?: ChatButton[][] },
  ): Promise<ChatMessage | undefined>;
  get(chatId: number, messageId: number): Promise<ChatMessage | undefined>;
  /** Messages whose client id starts with `prefix` (the bot's replies to one input), oldest first. */
  byClientIdPrefix(chatId: number, prefix: string): Promise<ChatMessage[]>;
  /** Messages created or edited after `afterSeq`/`since`, oldest first. */
  history(chatId: number, afterSeq?: number): Promise<ChatMessage[]>;
}
