import type { BotError } from "grammy";
import { type Context } from "grammy";
import type { BaseContextFlavor } from "../context.js";
import { metrics } from "../../metrics.js";

/**
 * Our own errors are logged with the update id and answered with a short apology; the farmer's input
 * stays in the chat (and in the web chat history), so nothing they typed is lost.
 */
export async function handleBotError(error: BotError<Context & Partial<BaseContextFlavor>>): Promise<void> {
  const ctx = error.ctx;
  const cause = error.error instanceof Error ? error.error : new Error(String(error.error));
  ctx.logger?.error({ err: { type: cause.name, message: cause.message, stack: cause.stack } }, "update failed");
  metrics.error("update");
  if (ctx.chatId === undefined || !ctx.t) return;
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    await ctx.reply(ctx.t("error-internal"));
  } catch (replyError) {
    ctx.logger?.warn({ err: { message: (replyError as Error).message } }, "apology could not be sent");
  }
}
