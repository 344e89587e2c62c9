import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prismaChannelChats } from "../../src/channels/channel-chats.js";
import type { Segment } from "../../src/broadcast/segment.js";
import { startFakeZaloBot, type FakeZaloBot } from "../support/fake-zalo-bot-server.js";
import { oaTextEvent, startFakeZaloOa, type FakeZaloOa } from "../support/fake-zalo-oa-server.js";
import { startTestApp } from "../support/in-process-app.js";

const ZALO_TOKEN = "8123:broadcast-zalo-bot-secret";
const credentials = {
  appId: "1234567890",
  appSecret: "app-secret",
  oaSecretKey: "oa-secret-key",
  accessToken: "access-0",
  refreshToken: "refresh-0",
};
const everyone: Segment = { topics: [], communes: [], sectors: [], channels: [] };

/**
 * One campaign reaches the Zalo Bot Platform and the Zalo Official Account through their senders
 * ("zalo", "zalo-oa"), over real HTTP against the fakes; the OA's rules decide who is skipped and why.
 */
describe("a broadcast on the Zalo channels", () => {
  let zalo: FakeZaloBot;
  let oa: FakeZaloOa;
  let app: Awaited<ReturnType<typeof startTestApp>>;

  beforeAll(async () => {
    [zalo, oa] = await Promise.all([
      startFakeZaloBot(ZALO_TOKEN, { blocked: (chatId) => chatId === "zalo-blocker" }),
      startFakeZaloOa(credentials),
    ]);
    app = await startTestApp({
      WEBCHAT_ENABLED: "false",
      ZALO_BOT_TOKEN: ZALO_TOKEN,
      ZALO_API_ROOT: zalo.apiRoot,
      ZALO_POLL_TIMEOUT: "1",
      ...oa.appEnv,
    });
  }, 240_000);

  afterAll(async () => {
    await app?.stop();
    await oa?.close();
    await zalo?.close();
  });

  async function subscribe(channel: string, externalId: string) {
    const chatId = await prismaChannelChats(app.prisma, channel).chatIdFor(externalId);
    await app.prisma.subscription.create({
      data: {
        channel,
        chatId: String(chatId),
        topics: ["training"],
        consentVersion: "v",
        consentHash: "h",
        consentAt: new Date(),
      },
    });
  }

  async function broadcast(text: string) {
    const officer = await app.prisma.staffUser.upsert({
      where: { username: "canbo" },
      create: { username: "canbo", displayName: "Cán bộ", passwordHash: "x", role: "officer" },
      update: {},
    });
    const draft = await app.services.broadcasts.createDraft(
      { text, signupChoice: false, segment: everyone },
      officer.id,
    );
    if (!draft.ok) throw new Error(draft.problem);
    expect(await app.services.broadcasts.send(draft.id, officer.id, new Date())).toEqual({
      ok: true,
      scheduled: false,
    });
    await expect
      .poll(async () => (await app.prisma.broadcastCampaign.findUniqueOrThrow({ where: { id: draft.id } })).status, {
        timeout: 120_000,
        interval: 200,
      })
      .toBe("done");
    return app.services.broadcasts.report(draft.id);
  }

  const zaloTexts = (userId: string, text: string) =>
    zalo.calls.filter(
      (c) => c.method === "sendMessage" && c.payload.chat_id === userId && String(c.payload.text).startsWith(text),
    );
  const oaTexts = (userId: string, text: string) =>
    oa.sent.filter((m) => m.userId === userId && m.text.startsWith(text));

  it(
    "sends through the Zalo bot and, within the OA's rules, through the Official Account; over its caps a follower is skipped with the reason",
    { timeout: 300_000 },
    async () => {
      await subscribe("zalo", "zalo-farmer");
      await subscribe("zalo", "zalo-blocker");
      // An OA follower who wrote recently (inside the free reply window) and one who never wrote.
      expect((await oa.deliver(`${app.url}/zalo-oa/webhook`, oaTextEvent("oa-writer", "m-1", "xin chao"))).status).toBe(
        200,
      );
      await subscribe("zalo-oa", "oa-writer");
      await subscribe("zalo-oa", "oa-silent");

      const first = "Lớp tập huấn làm phân hữu cơ";
      expect(await broadcast(first)).toMatchObject({
        total: 4,
        sent: 2,
        failed: { blocked: 1 },
        skipped: { "oa-never-wrote": 1 },
      });
      expect(zaloTexts("zalo-farmer", first)).toHaveLength(1);
      expect(String(zaloTexts("zalo-farmer", first)[0]!.payload.text)).toContain("/dunggui");
      expect(oaTexts("oa-writer", first)).toHaveLength(1);
      expect(oaTexts("oa-silent", first)).toHaveLength(0);
      // The farmer who blocked the Zalo bot is tried once and marked unreachable.
      expect(zaloTexts("zalo-blocker", first)).toHaveLength(1);
      expect(await app.prisma.unreachableChat.findMany({ select: { channel: true, reason: true } })).toEqual([
        { channel: "zalo", reason: "blocked" },
      ]);

      // The OA package allows one broadcast a day per follower (ZALO_OA_BROADCASTS_PER_DAY=1): the
      // second one the same day is skipped as over quota, while the Zalo bot has no such cap.
      const second = "Hội chợ nông sản cuối tuần";
      expect(await broadcast(second)).toMatchObject({
        total: 4,
        sent: 1,
        failed: {},
        skipped: { quota: 1, "oa-never-wrote": 1, unreachable: 1 },
      });
      expect(zaloTexts("zalo-farmer", second)).toHaveLength(1);
      expect(oaTexts("oa-writer", second)).toHaveLength(0);
      expect(zaloTexts("zalo-blocker", second)).toHaveLength(0);
    },
  );
});
