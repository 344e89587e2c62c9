import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/index.js";
import { translator } from "../../src/i18n/translate.js";
import { answerOfficerQuestion } from "../../src/questions/officer-desk.js";
import { REPLY_WINDOW_MS } from "../../src/channels/zalo-oa/delivery-rules.js";
import { startAppProcess, tempDataDir } from "../support/app-process.js";
import { withSharedIndex } from "../support/prepared-start.js";
import { oaTextEvent, startFakeZaloOa, type FakeZaloOa } from "../support/fake-zalo-oa-server.js";
import { startPostgres, type PostgresServer } from "../support/postgres-server.js";
import { staffAccount } from "../support/staff-accounts.js";

const credentials = {
  appId: "1234567890",
  appSecret: "app-secret",
  oaSecretKey: "oa-secret-key",
  accessToken: "access-0",
  refreshToken: "refresh-0",
};

// The real app process serves the OA webhook; the fake OA signs deliveries and records the app's
// customer-service messages. App and test share a PostgreSQL server, so the test can answer as an
// officer (the dashboard's service) and move a farmer's last message back in time.
describe("Zalo Official Account channel", () => {
  let pg: PostgresServer;
  let oa: FakeZaloOa;
  let app: ReturnType<typeof startAppProcess>;
  let db: Database;
  let hook: string;
  let nextMessage = 0;

  beforeAll(async () => {
    [pg, oa] = await Promise.all([startPostgres(), startFakeZaloOa(credentials)]);
    app = startAppProcess(
      withSharedIndex({ DATABASE_URL: pg.url, DATA_DIR: tempDataDir(), WEBCHAT_ENABLED: "false", ...oa.appEnv }),
    );
    hook = `${(await app.waitForOutput(/listening on (http:\/\/\S+)/, 170_000))[1]!}/zalo-oa/webhook`;
    db = await openDatabase(pg.url);
  }, 240_000);

  afterAll(async () => {
    await app?.stop();
    await db?.close();
    await oa?.close();
    await pg?.stop();
  });

  /** The farmer types; the webhook answers after the bot handled it, so its replies were sent. */
  async function say(userId: string, text: string, messageId = `msg-${++nextMessage}`): Promise<string[]> {
    const before = oa.sent.length;
    const response = await oa.deliver(hook, oaTextEvent(userId, messageId, text));
    expect(response.status).toBe(200);
    return oa.sent
      .slice(before)
      .filter((m) => m.userId === userId)
      .map((m) => m.text);
  }

  const chatIdOf = async (userId: string) =>
    String(
      (
        await db.prisma.channelChat.findUniqueOrThrow({
          where: { channel_externalId: { channel: "zalo-oa", externalId: userId } },
        })
      ).chatId,
    );

  it("refuses a delivery with a missing or wrong signature and processes nothing", async () => {
    const before = oa.sent.length;
    expect(
      (await oa.deliver(hook, oaTextEvent("intruder", "x-1", "xin chao"), { secret: "not-the-oa-secret" })).status,
    ).toBe(401);
    expect((await oa.deliver(hook, oaTextEvent("intruder", "x-2", "xin chao"), { signature: "" })).status).toBe(401);
    const broken = await fetch(hook, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{oops",
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toMatch(/không đọc được/);
    expect(oa.sent.length).toBe(before);
    expect(await db.prisma.zaloOaContact.count({ where: { userId: "intruder" } })).toBe(0);
  });

  it("a farmer typing without diacritics gets the numbered menu and completes the eligibility check by typing", async () => {
    const [menu] = await say("farmer-1", "xin chao");
    expect(menu).toMatch(/1\. .*Tìm hiểu Luật HTX[\s\S]*2\. .*Kiểm tra điều kiện[\s\S]*trả lời số 1, 2/);

    let replies = await say("farmer-1", "2");
    expect(replies.at(-1)).toMatch(/^Câu 1\/\d+: /);
    // A label typed without diacritics is the same as its number.
    replies = await say("farmer-1", "vay von");
    for (let step = 0; /^Câu \d+\/\d+: /.test(replies.at(-1) ?? "") && step < 30; step++)
      replies = await say("farmer-1", "1");
    expect(replies.join("\n")).toMatch(/Kết quả, theo quy định áp dụng ngày/);
    expect(
      await db.prisma.eligibilityCheck.count({ where: { channel: "zalo-oa", chatId: await chatIdOf("farmer-1") } }),
    ).toBe(1);
  });

  it("processes a redelivered message once", async () => {
    const first = await say("farmer-1", "/menu", "dup-1");
    expect(first).toHaveLength(1);
    expect(await say("farmer-1", "/menu", "dup-1")).toEqual([]);
  });

  it("refreshes a refused access token with the stored refresh token and answers", async () => {
    oa.revokeAccessToken();
    expect(await say("farmer-1", "/menu")).toHaveLength(1);
    expect(oa.refreshes()).toBeGreaterThanOrEqual(1);
    expect(oa.sent.at(-1)!.accessToken).toBe(oa.currentAccessToken());
    expect(await db.prisma.zaloOaToken.findUniqueOrThrow({ where: { appId: credentials.appId } })).toMatchObject({
      accessToken: oa.currentAccessToken(),
    });
  });

  it("delivers an officer's reply within 48 hours; after that reports it not deliverable to the officer", async () => {
    // The officer follows the OA too and linked that chat: notices reach them there.
    await say("officer-1", "xin chao");
    const created = await staffAccount(db.prisma, {
      username: "canbo.oa",
      chat: { channel: "zalo-oa", chatId: await chatIdOf("officer-1") },
    });
    const officer = { prisma: db.prisma, translate: translator() };

    const ask = async (question: string) => {
      await say("farmer-2", "/menu");
      expect((await say("farmer-2", "5")).at(-1)).toMatch(/muốn hỏi cán bộ/);
      await say("farmer-2", question);
      expect((await say("farmer-2", "1")).at(-1)).toMatch(/Đã gửi câu hỏi cho cán bộ/);
      return db.prisma.officerQuestion.findFirstOrThrow({ where: { text: question } });
    };

    const timely = await ask("Cho hỏi vay vốn ở đâu?");
    await answerOfficerQuestion(officer, {
      id: timely.id,
      answer: "Bà con ra Ngân hàng Nông nghiệp xã nha.",
      officerId: created.id,
      now: new Date(),
    });
    await oa.waitFor((m) => m.userId === "farmer-2" && m.text.includes("Bà con ra Ngân hàng Nông nghiệp xã nha."));

    const late = await ask("HTX cần mấy người?");
    // The officer answers three days later: the farmer's last message is older than the window.
    await db.prisma.zaloOaContact.update({
      where: { userId: "farmer-2" },
      data: { lastInboundAt: new Date(Date.now() - REPLY_WINDOW_MS - 24 * 3600_000) },
    });
    await answerOfficerQuestion(officer, {
      id: late.id,
      answer: "Ít nhất 5 thành viên.",
      officerId: created.id,
      now: new Date(),
    });

    const notice = await oa.waitFor((m) => m.userId === "officer-1" && m.text.includes("CHƯA tới được bà con"));
    expect(notice.text).toMatch(/CH-\d+ CHƯA tới được bà con: đã quá 48 giờ/);
    expect(oa.sent.some((m) => m.text.includes("Ít nhất 5 thành viên."))).toBe(false);
    expect(await db.prisma.outboundJob.findFirstOrThrow({ where: { questionId: late.id } })).toMatchObject({
      status: "undeliverable",
      lastError: "oa-window-closed",
    });
  });
});
