import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeZaloBot, zaloUpdate, type FakeZaloBot } from "../../support/fake-zalo-bot-server.js";
import { startTestApp } from "../../support/in-process-app.js";

const TOKEN = "8123:fake-zalo-bot-secret";
const SECRET = "zalo-webhook-secret-1";

describe("Zalo webhook mode (app in-process, fake Zalo over HTTP)", () => {
  let zalo: FakeZaloBot;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    zalo = await startFakeZaloBot(TOKEN);
    // The port is only known once the app listens: the fake is then pointed at the real address.
    app = await startTestApp({
      ZALO_BOT_TOKEN: TOKEN,
      ZALO_API_ROOT: zalo.apiRoot,
      ZALO_BOT_MODE: "webhook",
      ZALO_WEBHOOK_URL: "http://127.0.0.1:1/zalo/hook",
      ZALO_WEBHOOK_SECRET: SECRET,
    });
    const registered = zalo.calls.find((c) => c.method === "setWebhook")!;
    expect(registered.payload).toEqual({ url: "http://127.0.0.1:1/zalo/hook", secret_token: SECRET });
    await fetch(`${zalo.apiRoot}/bot${TOKEN}/setWebhook`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: `${app.url}/zalo/hook`, secret_token: SECRET }),
    });
  }, 180_000); // starting the app builds the retrieval index: slow on a loaded machine
  afterAll(async () => {
    await app.stop();
    await zalo.close();
  });

  it("answers wrapped and flat deliveries, and handles a redelivered message once", async () => {
    const menu = zaloUpdate({ messageId: "wh-1", userId: "wh-user", text: "menu" });
    expect(await zalo.deliver(menu)).toEqual({ status: 200, body: { ok: true } });
    expect(zalo.textsTo("wh-user").at(-1)).toContain("1. 📘 Tìm hiểu Luật HTX 2023");
    // Zalo retries when it got no answer in time: the same message_id again is not handled again.
    expect((await zalo.deliver(menu, { flat: true })).status).toBe(200);
    expect(zalo.textsTo("wh-user")).toHaveLength(1);

    expect(
      (await zalo.deliver(zaloUpdate({ messageId: "wh-2", userId: "wh-user", text: "4" }), { flat: true })).status,
    ).toBe(200);
    expect(zalo.textsTo("wh-user").at(-1)).toMatch(/câu hỏi|hỏi/i);
  });

  it("refuses a wrong or missing secret, and answers unreadable bodies with a Vietnamese 400", async () => {
    const before = zalo.calls.length;
    const wrong = await zalo.deliver(zaloUpdate({ messageId: "wh-3", userId: "wh-user-2", text: "menu" }), {
      secret: "not-the-secret",
    });
    expect(wrong.status).toBe(401);
    expect(String(wrong.body.error)).toContain("Không có quyền");
    const missing = await fetch(`${app.url}/zalo/hook`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(missing.status).toBe(401);

    const broken = await zalo.deliver("{ not json");
    expect(broken.status).toBe(400);
    expect(String(broken.body.error)).toContain("không đọc được");
    expect((await zalo.deliver({ event_name: "message.text.received" }, { flat: true })).status).toBe(400);
    expect(zalo.calls.slice(before).filter((c) => c.method === "sendMessage")).toHaveLength(0);
  });

  it("asks for text when a voice message arrives and no speech-to-text is configured", async () => {
    const before = zalo.calls.length;
    const voice = zaloUpdate({
      messageId: "wh-voice",
      userId: "wh-user-3",
      voice: zalo.putFile("wh-voice.aac", Buffer.from("alo")),
    });
    expect((await zalo.deliver(voice)).status).toBe(200);
    expect(zalo.textsTo("wh-user-3", before)).toEqual([
      "Tôi chưa nghe được tin nhắn thoại. Bà con nhắn bằng chữ giúp tôi nha (có dấu hay không dấu đều được).",
    ]);
  });

  it("answers images, stickers and unknown events politely", async () => {
    for (const [i, event] of [
      "message.image.received",
      "message.sticker.received",
      "message.unsupported.received",
      "message.reaction.received",
    ].entries()) {
      const before = zalo.calls.length;
      expect((await zalo.deliver(zaloUpdate({ messageId: `wh-media-${i}`, userId: "wh-user-3", event }))).status).toBe(
        200,
      );
      const reply = zalo.textsTo("wh-user-3", before).join("\n");
      expect(reply).toMatch(/Bà con|bà con/);
      expect(reply).toContain("1. 📘");
    }
  });

  // Last: the server ends the connection of a refused oversized body.
  it("refuses a body over the size limit", async () => {
    const huge = await zalo.deliver(zaloUpdate({ messageId: "wh-4", userId: "wh-user-2", text: "x".repeat(100_000) }));
    expect(huge.status).toBe(413);
    expect(String(huge.body.error)).toContain("quá lớn");
  });
});
