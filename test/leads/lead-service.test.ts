import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/index.js";
import { prismaAuditLog } from "../../src/audit/audit-log.js";
import { memoryOutbox } from "../support/memory-outbox.js";
import { leadService, CHAT_LINK_MAX_FAILURES, type LeadService } from "../../src/leads/lead-service.js";
import { createChatLinkCode } from "../../src/staff/chat-link.js";
import { HTX_MIN_MEMBERS } from "../../src/leads/purposes.js";
import { farmerDataService } from "../../src/leads/farmer-data.js";
import { migratedDatabase } from "../staff/migrated-database.js";
import { aDraft } from "./fixtures.js";

const FARMER = { channel: "telegram", chatId: "42" };
const CONSENT = { version: "2026-11-v1", hash: "a".repeat(64) };
const NOW = new Date("2026-11-27T08:00:00Z");

let db: Database & { clear(): Promise<void> };
let outbox: ReturnType<typeof memoryOutbox>;
let leads: LeadService;

beforeAll(async () => {
  db = await migratedDatabase();
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.clear();
  outbox = memoryOutbox();
  leads = leadService({ prisma: db.prisma, outbox, audit: prismaAuditLog(db.prisma), now: () => NOW });
});

async function officer(username: string, chatId?: string) {
  return db.prisma.staffUser.create({
    data: {
      username,
      displayName: `Cán bộ ${username}`,
      passwordHash: "x",
      role: "officer",
      ...(chatId ? { chatChannel: "telegram", chatId } : {}),
    },
  });
}

/** Farmer number i of a test: distinct phones so each is a new lead. */
const phone = (i: number) => ({ e164: `+8491234560${i}`, display: `0912 345 60${i}` });

describe("leadService.submit", () => {
  it("stores the answers with the consent and tells each linked officer, without name or full phone", async () => {
    await officer("an", "900");
    await officer("binh"); // no chat linked: nothing to send
    const draft = aDraft({ note: "Gọi buổi sáng", sector: { id: "lua", text: "lúa + nuôi tôm" } });
    const result = await leads.submit({ draft, consent: CONSENT, from: FARMER });

    expect(result).toMatchObject({ outcome: "created", pools: [] });
    expect(result.reference).toMatch(/^HTX-[2-9A-Z]{5}$/);
    const row = await db.prisma.lead.findUniqueOrThrow({
      where: { reference: result.reference },
      include: { events: true },
    });
    expect(row).toMatchObject({
      channel: "telegram",
      chatId: "42",
      fullName: "Nguyễn Văn An",
      phone: "+84912345678",
      communeCode: "31777",
      sector: "lua",
      sectorLabel: "lúa + nuôi tôm",
      sectors: ["lua", "thuy_san"],
      landAreaHa: 0.2,
      note: "Gọi buổi sáng",
      searchText: "nguyen van an xa vinh loi thanh pho can tho lua nuoi tom",
      consentVersion: CONSENT.version,
      consentHash: CONSENT.hash,
      consentAt: NOW,
      status: "new",
    });
    expect(row.events.map((e) => e.kind)).toEqual(["created"]);

    expect(outbox.sent).toHaveLength(1);
    const [{ to, message }] = outbox.sent as [(typeof outbox.sent)[number]];
    expect(to).toEqual({ channel: "telegram", chatId: "900" });
    expect(message.text).toContain(result.reference);
    expect(message.text).toContain("0912 *** 678");
    expect(message.text).not.toContain("345");
    expect(message.text).not.toContain("Nguyễn");
    expect(message.buttons!.flat().map((b) => b.data)).toEqual([
      `oc:claim:${result.reference}`,
      `oc:contacted:${result.reference}`,
    ]);
  });

  it("updates the lead of the same phone and purpose from the same chat, and keeps its reference", async () => {
    await officer("an", "900");
    const first = await leads.submit({ draft: aDraft(), consent: CONSENT, from: FARMER });
    const again = await leads.submit({
      draft: aDraft({ members: 3, fullName: "Nguyễn Văn Anh" }),
      consent: CONSENT,
      from: FARMER,
    });

    expect(again).toMatchObject({ reference: first.reference, outcome: "updated" });
    const rows = await db.prisma.lead.findMany({ include: { events: { orderBy: { id: "asc" } } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ members: 3, fullName: "Nguyễn Văn Anh", channel: "telegram", chatId: "42" });
    expect(rows[0]!.events.map((e) => e.kind)).toEqual(["created", "updated_by_farmer"]);
    // Officers heard about the new lead once; an update of an open lead is not new work.
    expect(outbox.sent).toHaveLength(1);

    const other = await leads.submit({ draft: aDraft({ purpose: "join_htx" }), consent: CONSENT, from: FARMER });
    expect(other.outcome).toBe("created");
    expect(await db.prisma.lead.count()).toBe(2);
  });

  it("leaves a lead alone when another chat types its phone, tells that chat nothing and warns officers", async () => {
    await officer("an", "900");
    const first = await leads.submit({ draft: aDraft({ note: "Nhà gần chợ" }), consent: CONSENT, from: FARMER });
    const before = await db.prisma.lead.findUniqueOrThrow({ where: { reference: first.reference } });

    const intruder = await leads.submit({
      draft: aDraft({ members: 9, fullName: "Kẻ Lạ", note: "" }),
      consent: CONSENT,
      from: { channel: "webchat", chatId: "stranger-1" },
    });

    expect(intruder).toEqual({ outcome: "duplicate", pools: [] });
    const row = await db.prisma.lead.findUniqueOrThrow({
      where: { reference: first.reference },
      include: { events: { orderBy: { id: "asc" } } },
    });
    const { events, ...after } = row;
    expect(after).toEqual(before);
    expect(events.map((e) => [e.kind, e.note])).toEqual([
      ["created", null],
      ["duplicate_from_other_chat", null],
    ]);
    expect(outbox.sent).toHaveLength(2);
    const warning = outbox.sent[1]!;
    expect(warning.to).toEqual({ channel: "telegram", chatId: "900" });
    expect(warning.message.text).toContain("cuộc trò chuyện khác");
    expect(warning.message.text).toContain(first.reference);
    expect(warning.message.text).not.toMatch(/Kẻ Lạ|Nguyễn|stranger/);
    // The owner's chat still sees and controls its lead.
    expect(
      (await farmerDataService({ prisma: db.prisma, audit: prismaAuditLog(db.prisma), now: () => NOW }).view(FARMER))
        .leads,
    ).toHaveLength(1);
  });

  it("reopens a closed or founded lead its farmer registers again, and tells officers", async () => {
    const an = await officer("an", "900");
    for (const [i, status] of [
      [1, "closed"],
      [2, "founded"],
    ] as const) {
      // Not a pooled purpose: no pool alert among the messages.
      const draft = aDraft({ phone: phone(i), purpose: "join_htx" });
      const { reference } = await leads.submit({ draft, consent: CONSENT, from: FARMER });
      await db.prisma.lead.update({ where: { reference }, data: { status, assignedToId: an.id } });

      expect(await leads.submit({ draft: { ...draft, members: 4 }, consent: CONSENT, from: FARMER })).toMatchObject({
        outcome: "reopened",
        reference,
      });
      const row = await db.prisma.lead.findUniqueOrThrow({
        where: { reference },
        include: { events: { orderBy: { id: "asc" } } },
      });
      expect(row).toMatchObject({ status: "new", members: 4 });
      expect(row.events.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
        ["created", null, "new"],
        ["updated_by_farmer", null, null],
        ["status", status, "new"],
      ]);
      expect(outbox.sent.at(-1)!.message.text).toMatch(new RegExp(`mở lại[^]*${reference}`));
    }
    expect(outbox.sent).toHaveLength(4);
  });
  it("sends officers the notice a crash kept from the outbox, when the submission is replayed", async () => {
    await officer("an", "900");
    const crashing = { ...outbox, enqueue: async () => Promise.reject(new Error("process killed")) };
    const key = "telegram:update-77";
    const first = leadService({
      prisma: db.prisma,
      outbox: crashing,
      audit: prismaAuditLog(db.prisma),
      now: () => NOW,
    });
    await expect(first.submit({ draft: aDraft(), consent: CONSENT, from: FARMER, key })).rejects.toThrow(
      "process killed",
    );
    expect(await db.prisma.lead.count()).toBe(1);

    const replayed = await leads.submit({ draft: aDraft(), consent: CONSENT, from: FARMER, key });
    const again = await leads.submit({ draft: aDraft(), consent: CONSENT, from: FARMER, key });
    expect(again).toEqual(replayed);
    expect(replayed).toMatchObject({ outcome: "created" });
    expect(outbox.sent.map((s) => s.message.text)).toEqual([expect.stringContaining(replayed.reference!)]);
    expect(await db.prisma.lead.count()).toBe(1);
  });

  it("sends, once, the notices a crash left pending that nobody replays (the maintenance sweep)", async () => {
    await officer("an", "900");
    const crashing = { ...outbox, enqueue: async () => Promise.reject(new Error("process killed")) };
    const first = leadService({
      prisma: db.prisma,
      outbox: crashing,
      audit: prismaAuditLog(db.prisma),
      now: () => NOW,
    });
    await expect(first.submit({ draft: aDraft(), consent: CONSENT, from: FARMER })).rejects.toThrow();

    const written = (await db.prisma.leadEvent.findFirstOrThrow({ where: { kind: "notice_pending" } })).at;
    expect(await leads.sendStaleNotices(written)).toBe(0);
    expect(await leads.sendStaleNotices(new Date(written.getTime() + 1))).toBe(1);
    expect(await leads.sendStaleNotices(new Date(written.getTime() + 1))).toBe(0);
    expect(outbox.sent).toHaveLength(1);
    expect(outbox.sent[0]!.message.text).toContain("HTX-");
  });

  it("draws a new reference when the first one is taken", async () => {
    const draws = [...Array(5).fill(0), ...Array(5).fill(1)];
    const clashing = leadService({
      prisma: db.prisma,
      outbox,
      audit: prismaAuditLog(db.prisma),
      now: () => NOW,
      random: () => draws.shift() ?? 2,
    });
    const taken = await leadService({
      prisma: db.prisma,
      outbox,
      audit: prismaAuditLog(db.prisma),
      now: () => NOW,
      random: () => 0,
    }).submit({
      draft: aDraft({ phone: phone(1) }),
      consent: CONSENT,
      from: FARMER,
    });
    expect(taken.reference).toBe("HTX-22222");
    const second = await clashing.submit({ draft: aDraft({ phone: phone(2) }), consent: CONSENT, from: FARMER });
    expect(second.reference).toBe("HTX-33333");
  });
});

describe("pooling", () => {
  it("raises exactly one alert when five founders of one commune and sector reach the minimum", async () => {
    await officer("an", "900");
    const results = [];
    for (let i = 1; i <= HTX_MIN_MEMBERS + 1; i++) {
      results.push(
        await leads.submit({
          draft: aDraft({ phone: phone(i), members: 1 }),
          consent: CONSENT,
          from: { channel: "telegram", chatId: String(i) },
        }),
      );
    }
    // Another sector and a purpose that is not pooled do not count towards it.
    await leads.submit({
      draft: aDraft({ phone: phone(8), members: 2, sector: { id: "thuy_san", text: "tôm" } }),
      consent: CONSENT,
      from: FARMER,
    });
    await leads.submit({
      draft: aDraft({ phone: phone(9), members: 9, purpose: "join_htx" }),
      consent: CONSENT,
      from: FARMER,
    });

    expect(results.map((r) => r.pools.length)).toEqual([0, 0, 0, 0, 1, 0]);
    expect(await db.prisma.poolAlert.findMany()).toEqual([expect.objectContaining({ key: "31777|lua", members: 5 })]);
    const pools = outbox.sent.filter((s) => s.message.text.includes("Đủ người"));
    expect(pools).toHaveLength(1);
    expect(pools[0]!.message.text).toContain("Xã Vĩnh Lợi");
    expect(pools[0]!.message.buttons).toHaveLength(5);
  });
});

/** FARMER's lead; its reference. */
async function farmersLead(): Promise<string> {
  const result = await leads.submit({ draft: aDraft(), consent: CONSENT, from: FARMER });
  if (result.reference === undefined) throw new Error(`expected a lead of this chat, got ${result.outcome}`);
  return result.reference;
}

describe("officers in chat", () => {
  it("links a chat with a one-time code, and slows down wrong codes", async () => {
    const an = await officer("an");
    const { code } = await createChatLinkCode(db.prisma, an.id, NOW);
    expect(await leads.linkOfficerChat(code.toLowerCase(), { channel: "telegram", chatId: "900" })).toEqual({
      ok: true,
      officer: { id: an.id, displayName: "Cán bộ an", role: "officer" as const },
    });
    expect(await leads.officerForChat({ channel: "telegram", chatId: "900" })).toEqual({
      id: an.id,
      displayName: "Cán bộ an",
      role: "officer" as const,
    });
    expect(await leads.linkOfficerChat(code, { channel: "telegram", chatId: "901" })).toEqual({
      ok: false,
      reason: "invalid",
    });

    for (let i = 1; i < CHAT_LINK_MAX_FAILURES; i++)
      await leads.linkOfficerChat("WRONG123", { channel: "telegram", chatId: "901" });
    const fresh = await createChatLinkCode(db.prisma, an.id, NOW);
    expect(await leads.linkOfficerChat(fresh.code, { channel: "telegram", chatId: "901" })).toEqual({
      ok: false,
      reason: "too_many_attempts",
    });
  });

  it("lists open leads, lets one officer claim a lead and records who marked it contacted", async () => {
    const an = { id: (await officer("an", "900")).id, displayName: "Cán bộ an", role: "officer" as const };
    const binh = { id: (await officer("binh", "901")).id, displayName: "Cán bộ binh", role: "officer" as const };
    const reference = await farmersLead();

    expect((await leads.openLeads(binh)).leads.map((l) => l.reference)).toEqual([reference]);
    const claimed = await leads.claim(reference, an);
    expect(claimed).toMatchObject({
      kind: "done",
      lead: { reference, assignedToId: an.id, phone: { display: "0912 345 678" } },
    });
    expect(await leads.claim(reference, binh)).toEqual({ kind: "taken", by: "Cán bộ an" });
    expect(await leads.markContacted(reference, binh)).toEqual({ kind: "taken", by: "Cán bộ an" });
    expect((await leads.openLeads(binh)).total).toBe(0);

    expect(await leads.markContacted(reference, an)).toMatchObject({ kind: "done", lead: { status: "contacted" } });
    expect(await leads.markContacted(reference, an)).toEqual({ kind: "status", status: "contacted" });
    expect(await leads.claim("HTX-99999", an)).toEqual({ kind: "not_found" });

    const events = await db.prisma.leadEvent.findMany({ orderBy: { id: "asc" } });
    expect(events.map((e) => [e.kind, e.actorId, e.fromStatus, e.toStatus])).toEqual([
      ["created", null, null, "new"],
      ["assigned", an.id, null, null],
      ["status", an.id, "new", "contacted"],
    ]);
    // Chat actions are audited like the dashboard's, under the same names.
    const audited = await db.prisma.auditEntry.findMany({
      where: { action: { startsWith: "lead." } },
      orderBy: { id: "asc" },
    });
    expect(audited.map((e) => [e.action, e.actorId, e.target, e.details])).toEqual([
      ["lead.claim", an.id, reference, { via: "chat" }],
      ["lead.status", an.id, reference, { from: "new", to: "contacted", via: "chat" }],
    ]);
    expect((await leads.openLeads(an)).leads.map((l) => l.status)).toEqual(["contacted"]);
  });

  it("assigns an unassigned lead to the officer who marks it contacted", async () => {
    const an = { id: (await officer("an", "900")).id, displayName: "Cán bộ an", role: "officer" as const };
    const reference = await farmersLead();
    expect(await leads.markContacted(reference, an)).toMatchObject({
      kind: "done",
      lead: { status: "contacted", assignedToId: an.id },
    });
  });

  it("never steps a lead back from chat: Đã liên hệ on a lead already in support changes nothing", async () => {
    const an = { id: (await officer("an", "900")).id, displayName: "Cán bộ an", role: "officer" as const };
    const reference = await farmersLead();
    await db.prisma.lead.update({ where: { reference }, data: { status: "supporting" } });
    expect(await leads.markContacted(reference, an)).toEqual({ kind: "status", status: "supporting" });
    expect(await db.prisma.lead.findUniqueOrThrow({ where: { reference } })).toMatchObject({
      status: "supporting",
      assignedToId: null,
    });
  });

  it("no longer shows an erased lead to officers", async () => {
    const an = { id: (await officer("an", "900")).id, displayName: "Cán bộ an", role: "officer" as const };
    const reference = await farmersLead();
    await farmerDataService({ prisma: db.prisma, audit: prismaAuditLog(db.prisma), now: () => NOW }).erase(FARMER);
    expect(await leads.openLeads(an)).toEqual({ leads: [], total: 0 });
    expect(await leads.claim(reference, an)).toEqual({ kind: "not_found" });
  });
});
