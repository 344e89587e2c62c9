import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";
import { isInFlow } from "../flow.js";

/**
 * Remembers in the session when the chat's current flow began (the update that entered it), and
 * forgets it once no flow is active: /huy then knows which web chat lines belong to the flow it drops.
 */
export function trackFlowStart(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    // Updates without a chat (polls, channel posts of other kinds) have no session and no flows.
    if (ctx.chatId === undefined) return next();
    const receivedAt = ctx.services.now().toISOString();
    await next();
    if (await isInFlow(ctx)) ctx.session.flowStartedAt ??= receivedAt;
    else delete ctx.session.flowStartedAt;
  };
}
