import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTelegram, type FakeTelegram, type RecordedCall } from "../support/fake-telegram-server.js";
import { startAppProcess } from "../support/app-process.js";
import { migratedDataDir, withSharedIndex } from "../support/prepared-start.js";
import { buttonUpdate, textUpdate } from "../support/recording-fetch.js";
import { TOKEN } from "../support/telegram-env.js";

const CHAT = 4242;
/** Starting (or restarting) takes seconds, or minutes on a loaded CI machine: a bound for hangs only. */
const START_MS = 180_000;

const sentTo = (chat: number, pattern: RegExp) => (call: RecordedCall) =>
  call.method === "sendMessage" && Number(call.payload.chat_id) === chat && pattern.test(String(call.payload.text));

describe("Telegram long polling against a fake Bot API over HTTP", () => {
  let telegram: FakeTelegram;
  const env = withSharedIndex({ TELEGRAM_BOT_TOKEN: TOKEN, DATA_DIR: migratedDataDir(), WEBCHAT_ENABLED: "false" });

  beforeAll(async () => {
    telegram = await startFakeTelegram();
  });
  afterAll(async () => {
    await telegram.close();
  });

  it("runs a flow across a restart and processes a redelivered update once", { timeout: 4 * START_MS }, async () => {
    const apiEnv = { ...env, TELEGRAM_API_ROOT: telegram.apiRoot };
    let app = startAppProcess(apiEnv);
    try {
      // Starting is slow on a busy machine.
      await telegram.waitFor((c) => c.method === "deleteWebhook", START_MS);
      expect(telegram.calls.every((c) => c.token === TOKEN)).toBe(true);

      telegram.push(textUpdate(1, CHAT, "/start"));
      const menu = await telegram.waitFor(sentTo(CHAT, /Trợ lý HTX/));
      const buttons = (
        menu.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] }
      ).inline_keyboard.flat();
      expect(buttons.map((b) => b.callback_data)).toContain("menu:officer");

      telegram.push(buttonUpdate(2, CHAT, "menu:officer", 501));
      await telegram.waitFor((c) => c.method === "answerCallbackQuery");
      await telegram.waitFor(sentTo(CHAT, /hỏi cán bộ điều gì/));

      // Restart in the middle of the flow: the next message must continue it.
      expect(await app.stop()).toBe(0);
      app = startAppProcess(apiEnv);
      const before = telegram.calls.length;
      telegram.push(textUpdate(3, CHAT, "Cho tui hoi ve vay von HTX"));
      const confirm = await telegram.waitFor(sentTo(CHAT, /Cho tui hoi ve vay von HTX/), START_MS, before);
      expect(JSON.stringify(confirm.payload.reply_markup)).toContain("officer:send");

      // The same update delivered twice (e.g. a redelivery after a crash) is handled once.
      const beforeSend = telegram.calls.length;
      const send = buttonUpdate(4, CHAT, "officer:send", 503);
      telegram.push(send);
      telegram.push(send);
      await telegram.waitFor(sentTo(CHAT, /CH-\d{5}/), START_MS, beforeSend);
      telegram.push(textUpdate(5, CHAT, "/menu"));
      await telegram.waitFor(sentTo(CHAT, /chọn việc cần làm/), START_MS, beforeSend);
      expect(telegram.calls.slice(beforeSend).filter(sentTo(CHAT, /CH-\d{5}/))).toHaveLength(1);
    } finally {
      await app.stop();
    }
    expect(app.output()).not.toContain(TOKEN);
    expect(app.output()).not.toContain("Cho tui hoi");
  });
});
