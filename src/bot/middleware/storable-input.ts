import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";
import { storableText } from "../../lib/storable-text.js";

/** Drops NUL characters from a message's text, which would otherwise fail to be stored. */
export function storableInput(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const message = ctx.update.message;
    if (message?.text !== undefined) message.text = storableText(message.text);
    if (message?.caption !== undefined) message.caption = storableText(message.caption);
    await next();
  };
}
