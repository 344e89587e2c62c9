import { describe, expect, it } from "vitest";
import { zaloOaWebhook } from "../../../src/channels/zalo-oa/webhook.js";
import { oaSignature, type OaEvent } from "../../../src/channels/zalo-oa/wire.js";
import { translator } from "../../../src/i18n/translate.js";
import { createLogger } from "../../../src/logger.js";

const appId = "123456789";
const secret = "oa-secret";

function setup() {
  const events: OaEvent[] = [];
  const app = zaloOaWebhook({
    appId,
    oaSecretKey: secret,
    translate: translator(),
    logger: createLogger("silent"),
    onEvent: async (e) => void events.push(e),
  });
  const post = (body: string, signature?: string) =>
    app.request("/", {
      method: "POST",
      headers: { "content-type": "application/json", ...(signature ? { "x-zevent-signature": signature } : {}) },
      body,
    });
  const signed = (event: Record<string, unknown>) => {
    const body = JSON.stringify({ app_id: appId, timestamp: "1764583200000", ...event });
    return post(body, oaSignature(appId, body, "1764583200000", secret));
  };
  return { events, post, signed };
}

const text = {
  event_name: "user_send_text",
  sender: { id: "u1" },
  recipient: { id: "oa" },
  message: { msg_id: "m1", text: "chao" },
};

describe("Zalo OA webhook", () => {
  it("hands a signed user event on, with what the channel needs", async () => {
    const { events, signed } = setup();
    expect((await signed(text)).status).toBe(200);
    expect(events).toEqual([{ kind: "text", userId: "u1", messageId: "m1", text: "chao", at: 1764583200000 }]);
    await signed({
      event_name: "user_send_audio",
      sender: { id: "u1" },
      message: { msg_id: "m2", attachments: [{ type: "audio", payload: { url: "https://voice/1.aac" } }] },
    });
    await signed({ event_name: "follow", follower: { id: "u2" }, oa_id: "oa", source: "qr" });
    expect(events.slice(1)).toEqual([
      {
        kind: "audio",
        userId: "u1",
        messageId: "m2",
        url: "https://voice/1.aac",
        caption: undefined,
        at: 1764583200000,
      },
      { kind: "follow", userId: "u2", at: 1764583200000 },
    ]);
  });

  it("refuses a missing or wrong signature, or one made with another secret, and processes nothing", async () => {
    const { events, post } = setup();
    const body = JSON.stringify({ app_id: appId, timestamp: "1764583200000", ...text });
    expect((await post(body)).status).toBe(401);
    expect((await post(body, "mac=00")).status).toBe(401);
    const refused = await post(body, oaSignature(appId, body, "1764583200000", "not-the-secret"));
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: "Chữ ký không hợp lệ." });
    // The timestamp is signed too: a replay with a new timestamp fails.
    expect(
      (await post(body.replace("1764583200000", "1764583299999"), oaSignature(appId, body, "1764583200000", secret)))
        .status,
    ).toBe(401);
    expect(events).toEqual([]);
  });

  it("answers a broken or oversized body with a Vietnamese message, and acknowledges events it does not handle", async () => {
    const { events, post, signed } = setup();
    const broken = await post("{not json", "mac=1");
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toMatch(/không đọc được/);
    expect((await post(JSON.stringify({ hello: 1 }), "mac=1")).status).toBe(400);
    expect((await post("x".repeat(70_000), "mac=1")).status).toBe(413);
    expect(
      (await signed({ event_name: "user_seen_message", sender: { id: "oa" }, message: { msg_ids: ["m1"] } })).status,
    ).toBe(200);
    expect(
      (
        await signed({
          event_name: "user_send_location",
          sender: { id: "u1" },
          message: { msg_id: "m9", attachments: [] },
        })
      ).status,
    ).toBe(200);
    expect(events).toEqual([]);
  });
});
