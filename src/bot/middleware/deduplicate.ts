import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";
import type { UpdateLedger } from "../update-ledger.js";
import type { StateWrite } from "../key-value-store.js";

/** Claims after which an update that never finished (it crashed the process each time) is given up. */
export const MAX_ATTEMPTS = 3;

export interface ProcessOnceDeps {
  ledger: UpdateLedger;
  /** Whether the caller holds the chat's lock across instances (see UpdateLedger.begin). */
  exclusive: (ctx: BotContext) => boolean;
  /** The state keys the update will read, read together with its claim. */
  readKeys: (ctx: BotContext) => string[];
  /**
   * Runs the rest of the bot with its state writes held back, returning them; `readAhead` holds
   * values already read for it.
   */
  collectWrites: (task: () => Promise<void>, readAhead: Map<string, unknown>) => Promise<StateWrite[]>;
}

/**
 * Runs each update to completion once: webhooks and weak networks deliver some twice, and a crash
 * leaves an update half done. The update is marked done only together with the session and
 * conversation state it wrote, so a redelivery after a crash processes it again (effects that left
 * the process are made idempotent by the handlers: see the register flow's submission key).
 */
export function deduplicate(deps: ProcessOnceDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const updateId = String(ctx.update.update_id);
    const claim = await deps.ledger.begin(ctx.channel, updateId, {
      exclusive: deps.exclusive(ctx),
      readKeys: deps.readKeys(ctx),
    });
    if (claim.kind !== "run") {
      ctx.logger.info({ claim: claim.kind }, "duplicate update skipped");
      return;
    }
    if (claim.attempt > MAX_ATTEMPTS) {
      ctx.logger.error({ attempt: claim.attempt }, "update given up after repeated crashes");
      await deps.ledger.finish(ctx.channel, updateId, []);
      if (ctx.chatId !== undefined) await ctx.reply(ctx.t("error-internal"));
      return;
    }
    if (claim.attempt > 1) ctx.logger.warn({ attempt: claim.attempt }, "update taken over after an unfinished claim");
    const writes = await deps.collectWrites(() => next(), claim.state);
    await deps.ledger.finish(ctx.channel, updateId, writes);
  };
}
