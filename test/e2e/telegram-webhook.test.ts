import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTelegram, type FakeTelegram } from "../support/fake-telegram-server.js";
import { startAppProcess } from "../support/app-process.js";
import { migratedDataDir, withSharedIndex } from "../support/prepared-start.js";
import { textUpdate } from "../support/recording-fetch.js";
import { SECRET, telegramWebhookEnv } from "../support/telegram-env.js";

describe("Telegram webhook mode", () => {
  let telegram: FakeTelegram;
  let app: ReturnType<typeof startAppProcess>;
  let base: string;

  beforeAll(async () => {
    telegram = await startFakeTelegram();
    app = startAppProcess(withSharedIndex({ ...telegramWebhookEnv(telegram.apiRoot), DATA_DIR: migratedDataDir() }));
    base = (await app.waitForOutput(/listening on (http:\/\/\S+)/))[1]!;
  }, 190_000);

  afterAll(async () => {
    await app.stop();
    await telegram.close();
  });

  const deliver = (update: unknown, secret?: string) =>
    fetch(`${base}/telegram/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
      body: JSON.stringify(update),
    });

  it("registers the webhook with its secret", async () => {
    const call = await telegram.waitFor((c) => c.method === "setWebhook");
    expect(call.payload).toMatchObject({ url: "https://bot.example.org/telegram/hook", secret_token: SECRET });
  });

  it("refuses a delivery without the right secret", async () => {
    expect((await deliver(textUpdate(1, 7, "/start"))).status).toBe(401);
    expect((await deliver(textUpdate(1, 7, "/start"), "wrong-secret-0000000")).status).toBe(401);
    expect(telegram.calls.filter((c) => c.method === "sendMessage")).toHaveLength(0);
  });

  it("answers a delivery and ignores its redelivery", async () => {
    expect((await deliver(textUpdate(2, 7, "/start"), SECRET)).status).toBe(200);
    expect((await deliver(textUpdate(2, 7, "/start"), SECRET)).status).toBe(200);
    await telegram.waitFor((c) => c.method === "sendMessage" && /Trợ lý HTX/.test(String(c.payload.text)));
    expect(telegram.calls.filter((c) => c.method === "sendMessage")).toHaveLength(1);
  });

  it("answers a delivery only once it is processed, however long that takes, so a crash meanwhile gets it redelivered", async () => {
    const release = telegram.hold((c) => c.method === "sendMessage" && c.payload.chat_id === 8);
    let answered = false;
    const response = deliver(textUpdate(3, 8, "/start"), SECRET).then((r) => ((answered = true), r));
    await telegram.waitFor((c) => c.method === "sendMessage" && c.payload.chat_id === 8);
    // Longer than grammY's default webhook timeout (10 s), after which it would answer early.
    await new Promise((r) => setTimeout(r, 11_000));
    expect(answered).toBe(false);
    release();
    expect((await response).status).toBe(200);
  }, 60_000);

  it("answers an empty, broken or oversized body with a 400 or 413 and a Vietnamese message, never a 500", async () => {
    const post = (body: string) =>
      fetch(`${base}/telegram/hook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body,
      });
    for (const body of ["", "{", "[]", '{"message":{}}', '{"update_id":"x"}']) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("Yêu cầu không hợp lệ");
    }
    expect((await post(JSON.stringify({ update_id: 9, padding: "x".repeat(300_000) }))).status).toBe(413);
  });
});
