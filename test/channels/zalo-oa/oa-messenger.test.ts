import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations, openDatabase, type Database } from "../../../src/db/index.js";
import { prismaOaAccessTokens, seedOaTokens } from "../../../src/channels/zalo-oa/access-tokens.js";
import { prismaOaContacts } from "../../../src/channels/zalo-oa/oa-contacts.js";
import { oaMessenger } from "../../../src/channels/zalo-oa/oa-messenger.js";
import { FREE_REPLIES, REPLY_WINDOW_MS } from "../../../src/channels/zalo-oa/delivery-rules.js";
import { oaApi } from "../../../src/channels/zalo-oa/wire.js";
import { createLogger } from "../../../src/logger.js";
import { startFakeZaloOa, type FakeZaloOa } from "../../support/fake-zalo-oa-server.js";

const credentials = {
  appId: "app-1",
  appSecret: "app-secret",
  oaSecretKey: "oa-secret",
  accessToken: "access-0",
  refreshToken: "refresh-0",
};

describe("sending through the Zalo OA within its delivery rules", () => {
  let db: Database;
  let fake: FakeZaloOa;
  const clock = new Date("2026-12-01T03:00:00Z");

  const messenger = (settings = { verified: false, monthlyProactiveQuota: 0 }) => {
    const api = oaApi({
      apiRoot: fake.url,
      oauthRoot: fake.url,
      appId: credentials.appId,
      appSecret: credentials.appSecret,
    });
    return oaMessenger({
      api,
      tokens: prismaOaAccessTokens(db.prisma, credentials.appId, api),
      contacts: prismaOaContacts(db.prisma, settings),
      now: () => clock,
      logger: createLogger("silent"),
    });
  };

  beforeAll(async () => {
    db = await openDatabase("pglite:memory");
    await applyMigrations(db);
    fake = await startFakeZaloOa(credentials);
    await seedOaTokens(db.prisma, credentials.appId, { accessToken: "access-0", refreshToken: "refresh-0" }, clock);
  });
  afterAll(async () => {
    await fake.close();
    await db.close();
  });
  beforeEach(async () => {
    await db.prisma.zaloOaContact.deleteMany();
    await db.prisma.zaloOaProactiveQuota.deleteMany();
    fake.sent.length = 0;
  });

  it("replies up to 8 times after the farmer's message; a new message from them opens a new window", async () => {
    const contacts = prismaOaContacts(db.prisma, { verified: false, monthlyProactiveQuota: 0 });
    await contacts.recordInbound("u1", "m1", clock);
    const oa = messenger();
    for (let i = 0; i < FREE_REPLIES; i++)
      expect(await oa.sendText("u1", `tin ${i + 1}`)).toMatchObject({ sent: true, kind: "reply" });
    expect(await oa.sendText("u1", "tin 9")).toEqual({ sent: false, reason: "oa-window-closed" });
    expect(fake.sent.map((m) => m.text)).toHaveLength(FREE_REPLIES);

    await contacts.recordInbound("u1", "m2", new Date(clock.getTime() + 1000));
    await contacts.recordInbound("u1", "m1", clock);
    expect(await oa.sendText("u1", "lại được")).toMatchObject({ sent: true, kind: "reply" });
  });

  it("refuses after 48 hours or to someone who never wrote, unless the OA is verified and has quota", async () => {
    await prismaOaContacts(db.prisma, { verified: false, monthlyProactiveQuota: 0 }).recordInbound(
      "u2",
      "m1",
      new Date(clock.getTime() - REPLY_WINDOW_MS - 60_000),
    );
    expect(await messenger().sendText("u2", "muộn")).toEqual({ sent: false, reason: "oa-window-closed" });
    expect(await messenger().sendText("u3", "chưa nhắn")).toEqual({ sent: false, reason: "oa-never-wrote" });

    const verified = messenger({ verified: true, monthlyProactiveQuota: 1 });
    expect(await verified.sendText("u2", "chủ động")).toMatchObject({ sent: true, kind: "proactive" });
    expect(await verified.sendText("u2", "hết lượt")).toEqual({ sent: false, reason: "oa-quota-used" });
    expect(fake.sent).toEqual([expect.objectContaining({ userId: "u2", text: "chủ động" })]);
    expect(await db.prisma.zaloOaProactiveQuota.findUnique({ where: { month: "2026-12" } })).toMatchObject({ used: 1 });
  });

  it("refreshes a refused access token once and sends; a failed send gives its reply slot back", async () => {
    const contacts = prismaOaContacts(db.prisma, { verified: false, monthlyProactiveQuota: 0 });
    await contacts.recordInbound("u4", "m1", clock);
    fake.revokeAccessToken();
    expect(await messenger().sendText("u4", "sau khi làm mới")).toMatchObject({ sent: true });
    expect(fake.sent.at(-1)).toMatchObject({ text: "sau khi làm mới", accessToken: fake.currentAccessToken() });

    // 2001 characters: the OA refuses it; the slot taken for it is returned.
    await expect(messenger().sendText("u4", "x".repeat(2001))).rejects.toThrow(/invalid/i);
    expect(await db.prisma.zaloOaContact.findUnique({ where: { userId: "u4" } })).toMatchObject({
      sentSinceInbound: 1,
    });
  });
});
