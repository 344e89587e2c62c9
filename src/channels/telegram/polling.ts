import { run, type RunnerHandle } from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { BotContext } from "../../bot/context.js";

/**
 * Long polling through grammY's runner: updates of different chats run concurrently, the bot's own
 * `sequentialize` keeps each chat in order. A webhook left over from an earlier deployment would
 * make getUpdates fail, so it is removed first (pending updates are kept).
 */
export async function startPolling(bot: Bot<BotContext>): Promise<{ stop(): Promise<void> }> {
  await bot.init();
  await bot.api.deleteWebhook({ drop_pending_updates: false });
  const handle: RunnerHandle = run(bot, { runner: { fetch: { timeout: 25 } } });
  return {
    stop: async () => {
      if (handle.isRunning()) await handle.stop();
      // The runner hands updates to its sink without awaiting them: let the ones in flight finish
      // (and save their state) before the database is closed.
      const deadline = Date.now() + 10_000;
      while (handle.size() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    },
  };
}
