import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "../../bot/context.js";
import type { Logger } from "../../logger.js";

const POLL_TIMEOUT_S = 25;
const RETRY_DELAY_MS = 3_000;

/**
 * Long polling with at-least-once delivery: a batch of updates is confirmed (the next getUpdates
 * offset) only after every update in it was handled, so after a crash Telegram sends the unfinished
 * ones again and the update ledger lets through those not done. (grammY's runner confirms a batch
 * as soon as it is fetched, which loses the updates in flight at a crash.) Updates of a batch run
 * concurrently; the bot's chat lock keeps each chat in order. A webhook left over from an earlier
 * deployment would make getUpdates fail, so it is removed first (pending updates are kept).
 */
export async function startPolling(bot: Bot<BotContext>, logger: Logger): Promise<{ stop(): Promise<void> }> {
  await bot.init();
  await bot.api.deleteWebhook({ drop_pending_updates: false });
  const abort = new AbortController();
  let offset = 0;

  async function handleBatch(updates: Update[]) {
    // Handler errors are answered inside the bot's error boundary; one that escapes it is logged
    // and not retried forever (a crash, not an error, is what redelivery is for).
    const results = await Promise.allSettled(updates.map((update) => bot.handleUpdate(update)));
    for (const result of results) {
      if (result.status === "rejected")
        logger.error(
          { err: { message: (result.reason as Error).message } },
          "update failed outside the error boundary",
        );
    }
    offset = Math.max(offset, ...updates.map((u) => u.update_id + 1));
  }

  const loop = (async () => {
    while (!abort.signal.aborted) {
      try {
        const updates = await bot.api.getUpdates(
          { offset, timeout: POLL_TIMEOUT_S, allowed_updates: ["message", "callback_query"] },
          abort.signal as Parameters<typeof bot.api.getUpdates>[1],
        );
        if (updates.length > 0) await handleBatch(updates);
      } catch (error) {
        if (abort.signal.aborted) break;
        logger.warn({ err: { message: (error as Error).message } }, "telegram getUpdates failed; retrying");
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      }
    }
  })();

  return {
    // Stops asking for updates and lets the batch in flight finish (and save its state) before
    // the database is closed; its offset is not confirmed, which only means a harmless redelivery.
    stop: async () => {
      abort.abort();
      await loop;
    },
  };
}
