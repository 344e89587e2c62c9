import { describe, expect, it } from "vitest";
import { prismaAuditLog } from "../../src/audit/audit-log.js";
import { farmerDataService } from "../../src/leads/farmer-data.js";
import { leadService } from "../../src/leads/lead-service.js";
import type { Logger } from "../../src/logger.js";
import { runMaintenance, STALE_NOTICE_MS, startMaintenance } from "../../src/maintenance/maintenance.js";
import { processChatLock } from "../../src/bot/chat-lock.js";
import { memoryOutbox } from "../support/memory-outbox.js";
import { useMigratedDatabase } from "../staff/migrated-database.js";
import { aDraft, anonymisedLead } from "../leads/fixtures.js";
import { prismaKeyValueStore } from "../../src/bot/prisma-stores.js";
import { FLOW_IDLE_MS } from "../../src/bot/storage.js";
import { chattingBot, textOf } from "../features/lead-services.js";

/** What a maintenance run reports when it finds nothing to do; tests override what they expect. */
const NOTHING_DONE = {
  anonymisedLeads: 0,
  expiredQuestions: 0,
  expiredChecks: 0,
  expiredChatMessages: 0,
  processedUpdates: 0,
  emptiedPayloads: 0,
  abandonedFlows: 0,
};

const NOW = new Date("2028-11-27T08:00:00Z");
const CONSENT = { version: "2026-11-v1", hash: "a".repeat(64) };
const hoursBefore = (hours: number) => new Date(NOW.getTime() - hours * 3600_000);

const db = useMigratedDatabase();

/** A lead registered (consent given) at `at` from its own chat, with an officer's note; its reference. */
async function leadConsentedAt(at: Date, chatId: string, phone: string): Promise<string> {
  const leads = leadService({
    prisma: db.prisma,
    outbox: memoryOutbox(),
    audit: prismaAuditLog(db.prisma),
    now: () => at,
  });
  const { reference } = await leads.submit({
    draft: aDraft({ phone: { e164: phone, display: phone } }),
    consent: CONSENT,
    from: { channel: "telegram", chatId },
  });
  const lead = await db.prisma.lead.findUniqueOrThrow({ where: { reference: reference! } });
  await db.prisma.leadEvent.create({ data: { leadId: lead.id, kind: "note", note: "Gọi số của con trai", at } });
  return reference!;
}

describe("runMaintenance", () => {
  it("anonymises leads whose consent is older than 24 months exactly as /xoa does", async () => {
    const expired = await leadConsentedAt(new Date("2026-11-27T07:59:00Z"), "1", "+84912345601");
    const kept = await leadConsentedAt(new Date("2026-11-27T08:01:00Z"), "2", "+84912345602");
    await leadConsentedAt(new Date("2026-11-27T07:59:00Z"), "3", "+84912345603");
    await farmerDataService({ prisma: db.prisma, audit: prismaAuditLog(db.prisma), now: () => NOW }).erase({
      channel: "telegram",
      chatId: "3",
    });

    expect(await runMaintenance(db.prisma, NOW)).toMatchObject({ anonymisedLeads: 1 });

    const rows = await db.prisma.lead.findMany({
      orderBy: { id: "asc" },
      include: { events: { orderBy: { id: "asc" } } },
    });
    const [retention, fresh, erasedByFarmer] = rows;
    expect(retention).toMatchObject({ reference: expired, ...anonymisedLead(NOW) });
    expect(retention!.events.map((e) => [e.kind, e.note])).toEqual([
      ["created", null],
      ["note", null],
      ["erased_after_retention", null],
    ]);
    expect(fresh).toMatchObject({ reference: kept, fullName: "Nguyễn Văn An", erasedAt: null });
    // The fields /xoa clears are the ones retention clears.
    const personal = (row: typeof retention) => ({
      fullName: row!.fullName,
      phone: row!.phone,
      note: row!.note,
      chatId: row!.chatId,
      searchText: row!.searchText,
    });
    expect(personal(retention)).toEqual(personal(erasedByFarmer));
    expect(erasedByFarmer!.events.map((e) => e.kind)).toEqual(["created", "note", "erased_by_farmer"]);

    expect(await db.prisma.auditEntry.findMany({ where: { action: "retention.erase" } })).toEqual([
      expect.objectContaining({
        actorId: null,
        chatId: null,
        details: { ...NOTHING_DONE, anonymisedLeads: 1 },
      }),
    ]);
    // A second run finds nothing more to do, and leaves no audit entry for nothing.
    expect(await runMaintenance(db.prisma, NOW)).toEqual(NOTHING_DONE);
    expect(await db.prisma.auditEntry.count({ where: { action: "retention.erase" } })).toBe(1);
  });

  it("also lets questions, eligibility checks and web chat messages of more than 24 months go", async () => {
    const old = new Date("2026-11-27T07:59:00Z");
    const recent = new Date("2026-11-27T08:01:00Z");
    for (const at of [old, recent]) {
      await db.prisma.officerQuestion.create({
        data: {
          channel: "telegram",
          chatId: "7",
          text: "Nhà tui ở ấp 3, số 0912345678",
          origin: "contact",
          createdAt: at,
        },
      });
      await db.prisma.eligibilityCheck.create({
        data: {
          channel: "telegram",
          chatId: "7",
          asOf: at,
          answers: { applicant_type: "individual" },
          results: [],
          rulesVersion: "v",
          createdAt: at,
        },
      });
      await db.prisma.webChatMessage.create({
        data: { session: "7", messageId: at.getTime() % 100000, fromBot: false, text: "0912345678", createdAt: at },
      });
    }
    expect(await runMaintenance(db.prisma, NOW)).toMatchObject({
      expiredQuestions: 1,
      expiredChecks: 1,
      expiredChatMessages: 1,
    });
    const questions = await db.prisma.officerQuestion.findMany({ orderBy: { id: "asc" } });
    expect(questions.map((q) => [q.text, q.chatId, q.status])).toEqual([
      ["", "", "closed"],
      ["Nhà tui ở ấp 3, số 0912345678", "7", "open"],
    ]);
    expect(await db.prisma.eligibilityCheck.count()).toBe(1);
    expect(await db.prisma.webChatMessage.count()).toBe(1);
    expect(await runMaintenance(db.prisma, NOW)).toMatchObject({
      expiredQuestions: 0,
      expiredChecks: 0,
      expiredChatMessages: 0,
    });
    expect(await db.prisma.auditEntry.count({ where: { action: "retention.erase" } })).toBe(1);
  });

  it("forgets processed updates after 7 days and the text of messages sent more than a day ago", async () => {
    await db.prisma.processedUpdate.createMany({
      data: [
        { channel: "telegram", updateId: "old", processedAt: hoursBefore(7 * 24 + 1) },
        { channel: "telegram", updateId: "recent", processedAt: hoursBefore(7 * 24 - 1) },
      ],
    });
    const payload = { text: "Trả lời câu hỏi của bà con về vốn vay" };
    const job = (status: "sent" | "pending" | "failed", sentHoursAgo: number) =>
      db.prisma.outboundJob.create({
        data: { channel: "telegram", chatId: "42", payload, status, updatedAt: hoursBefore(sentHoursAgo) },
      });
    const oldSent = await job("sent", 25);
    const newSent = await job("sent", 23);
    const oldPending = await job("pending", 25);
    const oldFailed = await job("failed", 25);

    expect(await runMaintenance(db.prisma, NOW)).toEqual({ ...NOTHING_DONE, processedUpdates: 1, emptiedPayloads: 1 });
    expect((await db.prisma.processedUpdate.findMany()).map((u) => u.updateId)).toEqual(["recent"]);
    const payloads = new Map((await db.prisma.outboundJob.findMany()).map((j) => [j.id, j.payload]));
    expect(payloads.get(oldSent.id)).toEqual({});
    for (const untouched of [newSent, oldPending, oldFailed]) expect(payloads.get(untouched.id)).toEqual(payload);
    expect(await db.prisma.auditEntry.count()).toBe(0);
    // An emptied payload is not emptied again on the next run.
    expect((await runMaintenance(db.prisma, NOW)).emptiedPayloads).toBe(0);
  });
});

describe("startMaintenance", () => {
  it("runs at once, and stopping waits for that run", async () => {
    await db.prisma.processedUpdate.create({
      data: { channel: "telegram", updateId: "old", processedAt: hoursBefore(8 * 24) },
    });
    const logged: unknown[] = [];
    const logger = {
      info: (counts: unknown) => logged.push(counts),
      error: (failure: unknown) => logged.push(failure),
    } as unknown as Logger;
    const sweptBefore: Date[] = [];
    const sendStaleNotices = async (before: Date) => (sweptBefore.push(before), 2);
    const maintenance = startMaintenance({
      prisma: db.prisma,
      logger,
      now: () => NOW,
      lock: processChatLock({ onlyInstance: true }),
      sendStaleNotices,
    });
    await maintenance.stop();
    expect(logged).toEqual([{ ...NOTHING_DONE, processedUpdates: 1, staleNotices: 2 }]);
    expect(sweptBefore).toEqual([new Date(NOW.getTime() - STALE_NOTICE_MS)]);
    expect(await db.prisma.processedUpdate.count()).toBe(0);
  });

  it("deletes the stored state of a registration abandoned after the name and phone, once idle long enough", async () => {
    const chat = chattingBot(db.prisma, prismaKeyValueStore(db.prisma));
    await chat.press(42, "menu:register");
    await chat.press(42, "reg:purpose:found_htx");
    await chat.say(42, "Nguyễn Văn An");
    expect(textOf(await chat.say(42, "0912 345 678"))).toContain("Bước 4/9");
    const stored = async () => (await db.prisma.chatSession.findMany()).map((row) => row.value).join("\n");
    expect(await stored()).toContain("0912 345 678");

    // The clock is injected: the state was written "now" by the database; maintenance runs later.
    const written = (await db.prisma.chatSession.findFirstOrThrow({ where: { key: { startsWith: "conversation:" } } }))
      .updatedAt;
    expect(await runMaintenance(db.prisma, new Date(written.getTime() + FLOW_IDLE_MS - 60_000))).toMatchObject({
      abandonedFlows: 0,
    });
    expect(await stored()).toContain("Nguyễn Văn An");
    expect(await runMaintenance(db.prisma, new Date(written.getTime() + FLOW_IDLE_MS + 60_000))).toMatchObject({
      abandonedFlows: 1,
    });
    expect(await stored()).not.toContain("0912 345 678");
    expect(await stored()).not.toContain("Nguyễn Văn An");

    // Coming back, the farmer starts over instead of landing in the middle of the old flow.
    expect(textOf(await chat.press(42, "menu:register"))).toContain("Bước 1/9");
  });
});
