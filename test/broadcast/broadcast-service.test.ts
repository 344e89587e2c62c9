import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/index.js";
import { insertLead } from "../support/lead-rows.js";
import { migratedDatabase } from "../staff/migrated-database.js";
import {
  subscriptionService,
  SUBSCRIPTION_CONSENT_VERSION,
  subscriptionConsent,
} from "../../src/broadcast/subscriptions.js";
import { campaignService } from "../../src/broadcast/campaigns.js";
import { prismaPacer } from "../../src/broadcast/pacing.js";
import { startBroadcastWorker } from "../../src/broadcast/broadcast-worker.js";
import { claimDeliveries, recordAndMark, recoverInterrupted } from "../../src/broadcast/delivery-claims.js";
import { broadcastQuota } from "../../src/broadcast/delivery-rules.js";
import type { Segment } from "../../src/broadcast/segment.js";
import { Unreachable, RetryLater, type OutboundMessage, type OutboundSender } from "../../src/outbound/outbox.js";
import { translator } from "../../src/i18n/translate.js";
import { createLogger } from "../../src/logger.js";

/** Sends here are not about the audit log (and their actor ids name no staff user). */
const NO_AUDIT = { record: async () => undefined };

let db: Database & { clear(): Promise<void> };
beforeAll(async () => {
  db = await migratedDatabase();
});
afterAll(() => db.close());
beforeEach(() => db.clear());

const t = translator();
const CONSENT = { version: SUBSCRIPTION_CONSENT_VERSION, hash: "h".repeat(64) };
const everyone: Segment = { topics: [], communes: [], sectors: [], channels: [] };
const chat = (channel: string, chatId: string | number) => ({ channel, chatId: String(chatId) });

function recordingSender(behaviour: (chatId: string) => void = () => undefined) {
  const sent: Array<{ chatId: string; message: OutboundMessage }> = [];
  const sender: OutboundSender = {
    async send(chatId, message) {
      behaviour(chatId);
      sent.push({ chatId, message });
    },
  };
  return { sent, sender };
}

async function runUntilSettled(
  senders: Map<string, OutboundSender>,
  campaignId: number,
  extra: Partial<Parameters<typeof startBroadcastWorker>[0]> = {},
) {
  const campaigns = campaignService({ prisma: db.prisma, audit: NO_AUDIT, deliverable: () => [...senders.keys()] });
  const worker = startBroadcastWorker({
    prisma: db.prisma,
    campaigns,
    senders,
    pacer: prismaPacer(db.prisma, () => 1000),
    translate: t,
    logger: createLogger("debug"),
    workerId: "test",
    idleMs: 20,
    lanes: 3,
    ...extra,
  });
  try {
    for (;;) {
      const campaign = await db.prisma.broadcastCampaign.findUniqueOrThrow({ where: { id: campaignId } });
      if (campaign.status === "done" || campaign.status === "cancelled") return campaigns.report(campaignId);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await worker.stop();
  }
}

describe("broadcast service", () => {
  const subscriptions = () => subscriptionService({ prisma: db.prisma, now: () => new Date("2026-12-01T08:00:00Z") });

  it("pins the subscription consent text (a new text needs a new version)", () => {
    expect(subscriptionConsent("Hội Nông dân", t).hash).toBe(
      "4786f672a19dd9d379e8d459b171d73cc32eef3f161653839a5496d566e6643f",
    );
  });

  it("counts the audience per channel for a segment of topics, communes, sectors and channels", async () => {
    const subs = subscriptions();
    await subs.save(
      chat("telegram", 1),
      { topics: ["training"], commune: { code: "31471", name: "Phú Tâm" } },
      CONSENT,
    );
    await subs.save(chat("telegram", 2), { topics: ["credit"], commune: { code: "31471", name: "Phú Tâm" } }, CONSENT);
    await subs.save(chat("webchat", 3), { topics: ["training", "law"] }, CONSENT);
    await subs.save(chat("webchat", 4), { topics: ["fairs"] }, CONSENT);
    await db.prisma.unreachableChat.create({
      data: { channel: "telegram", chatId: "1", reason: "blocked", since: new Date() },
    });
    const campaigns = campaignService({
      prisma: db.prisma,
      audit: NO_AUDIT,
      deliverable: () => ["telegram", "webchat"],
    });
    expect(await campaigns.audience(everyone)).toEqual([
      { channel: "telegram", recipients: 2, unreachable: 1 },
      { channel: "webchat", recipients: 2, unreachable: 0 },
    ]);
    expect(await campaigns.audience({ ...everyone, topics: ["training"] })).toEqual([
      { channel: "telegram", recipients: 1, unreachable: 1 },
      { channel: "webchat", recipients: 1, unreachable: 0 },
    ]);
    expect(await campaigns.audience({ ...everyone, communes: ["31471"], channels: ["telegram"] })).toEqual([
      { channel: "telegram", recipients: 2, unreachable: 1 },
    ]);
    // Sectors come from registrations: every sector a farmer named counts ("lua + nuoi tom" is also thủy sản).
    await insertLead(db.prisma, { channel: "webchat", chatId: "3", sector: "lua", sectorLabel: "lua + nuoi tom" });
    await insertLead(db.prisma, { channel: "webchat", chatId: "4", sector: "trai_cay", sectorLabel: "xoài" });
    expect(await campaigns.audience({ ...everyone, sectors: ["thuy_san"] })).toEqual([
      { channel: "webchat", recipients: 1, unreachable: 0 },
    ]);
    // A channel without a sender right now receives nothing, and is not counted.
    expect(
      await campaignService({ prisma: db.prisma, audit: NO_AUDIT, deliverable: () => ["webchat"] }).audience(everyone),
    ).toEqual([{ channel: "webchat", recipients: 2, unreachable: 0 }]);
  });

  it(
    "sends the announcement with how to stop and its choice; skips the unsubscribed and marks the blocked once",
    { timeout: 120_000 },
    async () => {
      const subs = subscriptions();
      for (const id of [1, 2, 3, 4]) await subs.save(chat("telegram", id), { topics: ["credit"] }, CONSENT);
      const campaigns = campaignService({ prisma: db.prisma, audit: NO_AUDIT, deliverable: () => ["telegram"] });
      const draft = await campaigns.createDraft(
        { text: "Mở đợt vay ưu đãi", link: "https://example.vn/vay", signupChoice: true, segment: everyone },
        1,
      );
      if (!draft.ok) throw new Error(draft.problem);
      await campaigns.send(draft.id, 1, new Date());
      await subs.stop(chat("telegram", 2));
      const { sent, sender } = recordingSender((chatId) => {
        if (chatId === "3") throw new Unreachable("Forbidden: bot was blocked by the user");
      });
      const report = await runUntilSettled(new Map([["telegram", sender]]), draft.id);
      expect(sent.map((s) => s.chatId).sort()).toEqual(["1", "4"]);
      expect(sent[0]!.message.text).toContain("Mở đợt vay ưu đãi\n\nhttps://example.vn/vay\n\n");
      expect(sent[0]!.message.text).toContain("/dunggui");
      expect(sent[0]!.message.buttons).toEqual([[{ text: t("bc-signup"), data: `bc:signup:${draft.id}` }]]);
      expect(report).toMatchObject({ total: 4, sent: 2, skipped: { unsubscribed: 1 }, failed: { blocked: 1 } });
      expect(await db.prisma.unreachableChat.count()).toBe(1);

      // The next campaign skips the blocked chat without trying it.
      const next = await campaigns.createDraft({ text: "Hội chợ", signupChoice: false, segment: everyone }, 1);
      if (!next.ok) throw new Error(next.problem);
      await campaigns.send(next.id, 1, new Date());
      const again = recordingSender();
      expect(await runUntilSettled(new Map([["telegram", again.sender]]), next.id)).toMatchObject({
        sent: 2,
        skipped: { unreachable: 1 },
      });
      expect(again.sent.map((s) => s.chatId).sort()).toEqual(["1", "4"]);

      await campaigns.recordPress(draft.id, chat("telegram", 1), new Date());
      await campaigns.recordPress(draft.id, chat("telegram", 1), new Date());
      expect((await campaigns.report(draft.id)).presses).toBe(1);
    },
  );

  it("honours retry_after for the whole channel and sends the row later", async () => {
    await subscriptions().save(chat("telegram", 1), { topics: ["law"] }, CONSENT);
    const campaigns = campaignService({ prisma: db.prisma, audit: NO_AUDIT, deliverable: () => ["telegram"] });
    const draft = await campaigns.createDraft({ text: "Luật mới", signupChoice: false, segment: everyone }, 1);
    if (!draft.ok) throw new Error(draft.problem);
    await campaigns.send(draft.id, 1, new Date());
    let refused = 0;
    const { sent, sender } = recordingSender(() => {
      if (refused++ === 0) throw new RetryLater(200);
    });
    expect(await runUntilSettled(new Map([["telegram", sender]]), draft.id)).toMatchObject({ sent: 1 });
    expect(sent).toHaveLength(1);
    const pace = await db.prisma.channelPace.findUniqueOrThrow({ where: { channel: "telegram" } });
    expect(pace.nextAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("reserves slots one after another through the database, several in one statement, and a pause moves them all", async () => {
    const pacer = prismaPacer(db.prisma, () => 30);
    const at = new Date("2026-12-01T08:00:00.000Z");
    const offsets = async (count?: number) =>
      (await pacer.reserve("telegram", at, count)).map((slot) => slot.getTime() - at.getTime());
    expect([await offsets(), await offsets(), await offsets(3)]).toEqual([[0], [34], [68, 102, 136]]);
    await pacer.pause("telegram", new Date(at.getTime() + 5000));
    expect(await offsets(2)).toEqual([5000, 5034]);
    expect((await pacer.reserve("webchat", at))[0]!.getTime()).toBe(at.getTime());
  });

  it("lets replies to farmers go first: no broadcast row is claimed while an outbound job of the channel is due", async () => {
    await subscriptions().save(chat("telegram", 1), { topics: ["law"] }, CONSENT);
    const campaigns = campaignService({ prisma: db.prisma, audit: NO_AUDIT, deliverable: () => ["telegram"] });
    const draft = await campaigns.createDraft({ text: "Luật mới", signupChoice: false, segment: everyone }, 1);
    if (!draft.ok) throw new Error(draft.problem);
    await campaigns.send(draft.id, 1, new Date());
    const job = await db.prisma.outboundJob.create({
      data: { channel: "telegram", chatId: "9", payload: { text: "Cán bộ trả lời" } },
    });
    const later = new Date(Date.now() + 60_000);
    expect(await claimDeliveries(db.prisma, "telegram", "w", later, 5)).toEqual([]);
    await db.prisma.outboundJob.update({ where: { id: job.id }, data: { status: "sent" } });
    expect(await claimDeliveries(db.prisma, "telegram", "w", later, 5)).toMatchObject([
      { chat_id: "1", subscribed: true },
    ]);
  });

  it("after a crash, resends a maybe-sent row only where the sender is idempotent, and frees rows only claimed", async () => {
    const subs = subscriptions();
    await subs.save(chat("telegram", 1), { topics: ["law"] }, CONSENT);
    await subs.save(chat("telegram", 3), { topics: ["law"] }, CONSENT);
    await subs.save(chat("webchat", 2), { topics: ["law"] }, CONSENT);
    const campaigns = campaignService({
      prisma: db.prisma,
      audit: NO_AUDIT,
      deliverable: () => ["telegram", "webchat"],
    });
    const draft = await campaigns.createDraft({ text: "Luật mới", signupChoice: false, segment: everyone }, 1);
    if (!draft.ok) throw new Error(draft.problem);
    await campaigns.send(draft.id, 1, new Date());
    const at = new Date(Date.now() + 60_000);
    // The dead instance had claimed every row and was sending telegram 1 and webchat 2 (not yet telegram 3).
    const claimed = [
      ...(await claimDeliveries(db.prisma, "telegram", "dead", at, 5)),
      ...(await claimDeliveries(db.prisma, "webchat", "dead", at, 5)),
    ];
    expect(claimed.map((row) => row.chat_id)).toEqual(["1", "3", "2"]);
    const leaving = claimed.filter((r) => r.chat_id !== "3").map((r) => r.id);
    expect(await recordAndMark(db.prisma, "dead", [], leaving, at)).toEqual(new Set(leaving));
    const senders = new Map<string, OutboundSender>([
      ["telegram", recordingSender().sender],
      ["webchat", { ...recordingSender().sender, idempotent: true }],
    ]);
    expect(await recoverInterrupted(db.prisma, senders, new Date(at.getTime() + 1))).toBe(3);
    const rows = await db.prisma.broadcastDelivery.findMany({ orderBy: [{ channel: "asc" }, { chatId: "asc" }] });
    expect(rows.map((r) => [r.channel, r.chatId, r.status, r.reason, r.lockedBy])).toEqual([
      ["telegram", "1", "sent", "unconfirmed", null],
      ["telegram", "3", "pending", null, null],
      ["webchat", "2", "pending", null, null],
    ]);
  });

  it("skips followers over the channel's quota, and schedules campaigns for later", { timeout: 120_000 }, async () => {
    await subscriptions().save(chat("zalo-oa", 1), { topics: ["fairs"] }, CONSENT);
    const campaigns = campaignService({ prisma: db.prisma, audit: NO_AUDIT, deliverable: () => ["zalo-oa"] });
    const rules = new Map([["zalo-oa", broadcastQuota(db.prisma, { perDay: 1, perMonth: 4 })]]);
    const ids: number[] = [];
    for (const text of ["Hội chợ 1", "Hội chợ 2"]) {
      const draft = await campaigns.createDraft({ text, signupChoice: false, segment: everyone }, 1);
      if (!draft.ok) throw new Error(draft.problem);
      ids.push(draft.id);
    }
    const { sent, sender } = recordingSender();
    const senders = new Map([["zalo-oa", sender]]);
    await campaigns.send(ids[0]!, 1, new Date());
    expect(await runUntilSettled(senders, ids[0]!, { rules })).toMatchObject({ sent: 1 });
    expect(await campaigns.send(ids[1]!, 1, new Date(), new Date(Date.now() - 1000))).toEqual({
      ok: false,
      problem: "admin-bc-error-time",
    });
    expect(await campaigns.send(ids[1]!, 1, new Date(), new Date(Date.now() + 100))).toEqual({
      ok: true,
      scheduled: true,
    });
    expect(await runUntilSettled(senders, ids[1]!, { rules })).toMatchObject({ sent: 0, skipped: { quota: 1 } });
    expect(sent).toHaveLength(1);
  });

  it("rejects an empty text and a link that is not a web address", async () => {
    const campaigns = campaignService({ prisma: db.prisma, audit: NO_AUDIT, deliverable: () => [] });
    expect(await campaigns.createDraft({ text: "  ", signupChoice: false, segment: everyone }, 1)).toEqual({
      ok: false,
      problem: "admin-bc-error-text",
    });
    expect(
      await campaigns.createDraft(
        { text: "x", link: "javascript:alert(1)", signupChoice: false, segment: everyone },
        1,
      ),
    ).toEqual({ ok: false, problem: "admin-bc-error-link" });
  });
});
