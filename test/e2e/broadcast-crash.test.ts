import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, openDatabase } from "../../src/db/index.js";
import { campaignService } from "../../src/broadcast/campaigns.js";
import { startFakeTelegram, type FakeTelegram, type RecordedCall } from "../support/fake-telegram-server.js";
import { startAppProcess, tempDataDir } from "../support/app-process.js";

/** Sends here are not about the audit log (and their actor ids name no staff user). */
const NO_AUDIT = { record: async () => undefined };

const TOKEN = "123456:TEST-token-for-the-fake-bot-api";
const RECIPIENTS = 40;
const FIRST_CHAT = 9000;
/** The recipient whose message is in flight when the process dies. */
const IN_FLIGHT_CHAT = String(FIRST_CHAT + 15);
const TEXT = "Thông báo: lớp tập huấn nuôi tôm sáng thứ Bảy";

const isAnnouncement = (call: RecordedCall) =>
  call.method === "sendMessage" && String(call.payload.text).startsWith(TEXT);

/**
 * The sending process is killed (SIGKILL, no cleanup) in the middle of a broadcast and started again:
 * every recipient gets the announcement exactly once. One lane, and the fake Bot API holds its answer
 * to one recipient's message, so the kill lands while exactly that message is "sent but not
 * recorded": the restarted instance must neither send it again nor skip anyone else. No timing: the
 * test waits for calls and log lines only.
 */
describe("a broadcast survives SIGKILL of the sending process", () => {
  let telegram: FakeTelegram;
  const dataDir = tempDataDir();
  const databaseUrl = `pglite:${join(dataDir, "db")}`;
  const env = {
    TELEGRAM_BOT_TOKEN: TOKEN,
    DATA_DIR: dataDir,
    WEBCHAT_ENABLED: "false",
    BROADCAST_LANES: "1",
    BROADCAST_RATE_TELEGRAM: "10",
  };

  beforeAll(async () => {
    telegram = await startFakeTelegram();
    // The campaign is started before the app runs: PGlite belongs to one process at a time.
    const db = await openDatabase(databaseUrl);
    await applyMigrations(db);
    await db.prisma.$executeRaw`
      INSERT INTO subscription (channel, chat_id, topics, consent_version, consent_hash, consent_at, updated_at)
      SELECT 'telegram', (${FIRST_CHAT} + g)::text, ARRAY['training'], 'v', 'h', now(), now() FROM generate_series(0, ${RECIPIENTS - 1}) g`;
    const campaigns = campaignService({ prisma: db.prisma, audit: NO_AUDIT, deliverable: () => ["telegram"] });
    const draft = await campaigns.createDraft(
      { text: TEXT, signupChoice: false, segment: { topics: [], communes: [], sectors: [], channels: [] } },
      1,
    );
    if (!draft.ok) throw new Error(draft.problem);
    await campaigns.send(draft.id, 1, new Date());
    await db.close();
  }, 180_000);
  afterAll(async () => {
    await telegram.close();
  });

  it("delivers to every recipient exactly once across the crash", { timeout: 900_000 }, async () => {
    const inFlight = (call: RecordedCall) => isAnnouncement(call) && String(call.payload.chat_id) === IN_FLIGHT_CHAT;
    const release = telegram.hold(inFlight);
    const first = startAppProcess({ ...env, TELEGRAM_API_ROOT: telegram.apiRoot });
    try {
      await telegram.waitFor(inFlight, 400_000);
    } finally {
      await first.kill();
      release();
    }
    const beforeRestart = telegram.calls.filter(isAnnouncement).length;
    expect(beforeRestart).toBeLessThan(RECIPIENTS);

    const second = startAppProcess({ ...env, TELEGRAM_API_ROOT: telegram.apiRoot });
    try {
      await second.waitForOutput(/broadcast finished/, 400_000);
    } finally {
      expect(await second.stop()).toBe(0);
    }

    const perChat = new Map<string, number>();
    for (const call of telegram.calls.filter(isAnnouncement))
      perChat.set(String(call.payload.chat_id), (perChat.get(String(call.payload.chat_id)) ?? 0) + 1);
    expect(perChat.size).toBe(RECIPIENTS);
    expect([...perChat.entries()].filter(([, n]) => n !== 1)).toEqual([]);

    const db = await openDatabase(databaseUrl);
    try {
      const report = await campaignService({
        prisma: db.prisma,
        audit: NO_AUDIT,
        deliverable: () => ["telegram"],
      }).report(1);
      // The held message reached the fake but was never recorded: it counts as sent, unconfirmed.
      expect(report).toMatchObject({
        total: RECIPIENTS,
        pending: 0,
        sent: RECIPIENTS,
        unconfirmed: 1,
        failed: {},
        skipped: {},
      });
    } finally {
      await db.close();
    }
  });
});
