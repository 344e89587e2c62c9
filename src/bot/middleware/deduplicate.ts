import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";
import type { UpdateLedger } from "../update-ledger.js";

/** Drops an update that was already processed: webhooks and weak networks deliver some twice. */
export function deduplicate(ledger: UpdateLedger): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (!(await ledger.claim(ctx.channel, String(ctx.update.update_id)))) {
      ctx.logger.info("duplicate update skipped");
      return;
    }
    await next();
  };
}
