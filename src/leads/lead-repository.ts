import { Prisma, type PrismaClient } from "../db/index.js";
import { formatQuantity } from "../lib/farmer-numbers.js";
import { parsePhone } from "../lib/phone.js";
import { foldVietnamese } from "../lib/vietnamese.js";
import type { ChatAddress } from "../outbound/outbox.js";
import type { ConsentRecord } from "./consent.js";
import type { CallTime } from "./lead-fields.js";
import type { LeadStatus } from "./lead-status.js";
import type { LeadDraft, StoredLead } from "./lead.js";
import { POOLED_PURPOSES, type PoolingLead } from "./pooling.js";
import { isSectorId, sectorIds } from "./sectors.js";

export type LeadRow = Prisma.LeadGetPayload<object>;

/** Statuses an officer still works on; the others are finished. */
export const OPEN_STATUSES: readonly LeadStatus[] = ["new", "contacted", "supporting"];
const MAX_REFERENCE_ATTEMPTS = 8;

/**
 * - created: a new lead;
 * - updated: the farmer registered again from the chat that owns the lead;
 * - reopened: the same, on a lead officers had closed or founded, which is worked on again;
 * - duplicate: the phone is another chat's lead, which stays untouched (see `save`).
 */
export type SaveOutcome = { lead: StoredLead; outcome: "created" | "updated" | "reopened" | "duplicate" };

/** Erased leads never come back from these queries: their personal fields are gone. */
const NOT_ERASED = { erasedAt: null } as const;

function phoneOf(stored: string | null): StoredLead["phone"] {
  if (!stored) return undefined;
  const phone = parsePhone(stored);
  return phone.ok ? { e164: phone.e164, display: phone.display } : { e164: stored, display: stored };
}

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

/** A database row as the domain sees it; erased leads (/xoa) come back with blank personal fields. */
export function toStoredLead(row: LeadRow): StoredLead {
  return {
    id: row.id,
    reference: row.reference,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    status: row.status,
    purpose: row.purpose,
    fullName: row.fullName ?? "",
    contact: row.contact,
    ...optional("phone", phoneOf(row.phone)),
    place: {
      code: row.communeCode,
      name: row.communeName,
      provinceCode: row.provinceCode,
      provinceName: row.provinceName,
    },
    sector: { id: isSectorId(row.sector) ? row.sector : "other", text: row.sectorLabel },
    ...optional("members", row.members ?? undefined),
    ...(row.landAreaHa === null
      ? {}
      : { landArea: { hectares: row.landAreaHa, display: formatQuantity(row.landAreaHa, "area") } }),
    callTime: row.callTime as CallTime,
    note: row.note ?? "",
    consentVersion: row.consentVersion,
    consentAt: row.consentAt,
    channel: row.channel,
    ...(row.chatId === null ? {} : { chatId: row.chatId }),
    ...(row.assignedToId === null ? {} : { assignedToId: row.assignedToId }),
  };
}

/** The columns a farmer's answers and consent fill; the same for a new lead and an update. */
function answerColumns(draft: LeadDraft, consent: ConsentRecord) {
  return {
    fullName: draft.fullName,
    contact: draft.contact,
    phone: draft.phone?.e164 ?? null,
    communeCode: draft.place.code,
    communeName: draft.place.name,
    provinceCode: draft.place.provinceCode,
    provinceName: draft.place.provinceName,
    sector: draft.sector.id,
    sectorLabel: draft.sector.text,
    sectors: sectorIds(draft.sector),
    members: draft.members ?? null,
    landAreaHa: draft.landArea?.hectares ?? null,
    callTime: draft.callTime,
    note: draft.note === "" ? null : draft.note,
    searchText: foldVietnamese(
      `${draft.fullName} ${draft.place.name} ${draft.place.provinceName} ${draft.sector.text}`,
    ),
    consentVersion: consent.version,
    consentHash: consent.hash,
    consentAt: consent.givenAt,
  };
}

/**
 * Officers' notice of a lead is written as a pending event in the same statement as the lead, and
 * deleted once the notice is in the outbox: a crash between the two leaves it pending, and the
 * replayed submission or the maintenance sweep sends it (at least once, never lost). The note holds
 * why officers are told (`NoticeReason`). Lead pages do not show these events.
 */
export const NOTICE_PENDING = "notice_pending";
export type NoticeReason = "created" | "reopened" | "duplicate";
const pendingNotice = (why: NoticeReason, at: Date) => ({ kind: NOTICE_PENDING, note: why, at });

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export type LeadRepository = ReturnType<typeof leadRepository>;

/**
 * Anonymises the matching leads the way the farmer's /xoa does: personal fields, search text, chat
 * link and the notes in their history go; the rest (commune, sector, members, status) stays as an
 * anonymous count. Run inside the caller's transaction, so an erasure is all or nothing.
 */
export async function eraseLeads(
  tx: Prisma.TransactionClient,
  where: Prisma.LeadWhereInput,
  kind: "erased_by_farmer" | "erased_after_retention",
  at: Date,
): Promise<number> {
  const ids = (await tx.lead.findMany({ where: { AND: [where, NOT_ERASED] }, select: { id: true } })).map((r) => r.id);
  if (ids.length === 0) return 0;
  await tx.lead.updateMany({
    where: { id: { in: ids } },
    data: { fullName: null, phone: null, note: null, chatId: null, searchText: "", erasedAt: at },
  });
  // Officers' notes may quote the farmer (name, phone, family): they go with the lead.
  await tx.leadEvent.updateMany({ where: { leadId: { in: ids } }, data: { note: null } });
  await tx.leadEvent.createMany({ data: ids.map((leadId) => ({ leadId, kind, at })) });
  return ids.length;
}

export function leadRepository(prisma: PrismaClient) {
  /**
   * The same phone and purpose again. Only the chat that registered the lead may change it: anyone
   * can type someone else's number, and must neither take over that lead nor learn it exists.
   */
  async function saveOverExisting(
    existing: LeadRow,
    draft: LeadDraft,
    consent: ConsentRecord,
    from: ChatAddress,
    at: Date,
    submission?: string,
  ): Promise<SaveOutcome> {
    if (existing.channel !== from.channel || existing.chatId !== from.chatId) {
      // No note: whoever typed the number is unknown, and their chat is not the farmer's data.
      await prisma.leadEvent.createMany({
        data: [
          { leadId: existing.id, kind: "duplicate_from_other_chat", at, submission },
          { leadId: existing.id, ...pendingNotice("duplicate", at) },
        ],
      });
      return { lead: toStoredLead(existing), outcome: "duplicate" };
    }
    // The farmer is back after officers finished with the lead: it is new work again.
    const reopen = !OPEN_STATUSES.includes(existing.status);
    const row = await prisma.lead.update({
      where: { id: existing.id },
      data: {
        ...answerColumns(draft, consent),
        ...(reopen ? { status: "new" as const } : {}),
        events: {
          create: [
            { kind: "updated_by_farmer", at, submission },
            ...(reopen
              ? [
                  { kind: "status", fromStatus: existing.status, toStatus: "new" as const, at },
                  pendingNotice("reopened", at),
                ]
              : []),
          ],
        },
      },
    });
    return { lead: toStoredLead(row), outcome: reopen ? "reopened" : "updated" };
  }

  /**
   * What an earlier run of the same submission (a consent press replayed after a crash) saved: its
   * event was written with the lead, in the same statement, so it exists exactly when the save did.
   */
  async function savedSubmission(submission: string): Promise<SaveOutcome | undefined> {
    const event = await prisma.leadEvent.findUnique({ where: { submission }, include: { lead: true } });
    if (!event) return undefined;
    // (A reopened lead replays as updated: the farmer is told the same either way.)
    const outcome =
      event.kind === "created" ? "created" : event.kind === "duplicate_from_other_chat" ? "duplicate" : "updated";
    return { lead: toStoredLead(event.lead), outcome };
  }

  return {
    /**
     * Creates the lead, or updates the one with the same phone and purpose when this chat registered
     * it (the farmer registered again). Reference codes are random: a clash is retried with a new code.
     */
    async save(
      draft: LeadDraft,
      consent: ConsentRecord,
      from: ChatAddress,
      newReference: () => string,
      at: Date,
      submission?: string,
    ): Promise<SaveOutcome> {
      if (submission !== undefined) {
        const earlier = await savedSubmission(submission);
        if (earlier) return earlier;
      }
      for (let attempt = 0; attempt < MAX_REFERENCE_ATTEMPTS; attempt++) {
        // Without a phone (a call-back at the commune office) the same chat and purpose is the same farmer.
        const existing = draft.phone
          ? await prisma.lead.findUnique({
              where: { phone_purpose: { phone: draft.phone.e164, purpose: draft.purpose } },
            })
          : await prisma.lead.findFirst({
              where: { channel: from.channel, chatId: from.chatId, purpose: draft.purpose, phone: null, ...NOT_ERASED },
            });
        if (existing) return saveOverExisting(existing, draft, consent, from, at, submission);
        try {
          const row = await prisma.lead.create({
            data: {
              reference: newReference(),
              purpose: draft.purpose,
              channel: from.channel,
              chatId: from.chatId,
              ...answerColumns(draft, consent),
              createdAt: at,
              events: { create: [{ kind: "created", toStatus: "new", at, submission }, pendingNotice("created", at)] },
            },
          });
          return { lead: toStoredLead(row), outcome: "created" };
        } catch (error) {
          // Either the same farmer's other submission won the race (found on the next loop), or the code was taken.
          if (!isUniqueViolation(error)) throw error;
        }
      }
      throw new Error(`no free lead reference after ${MAX_REFERENCE_ATTEMPTS} attempts`);
    },

    /** Officers' notices not yet in the outbox: of one lead, or (for the sweep) written before `before`. */
    async pendingNotices(
      where: { leadId: number } | { before: Date },
    ): Promise<Array<{ eventId: number; why: NoticeReason; lead: StoredLead }>> {
      const rows = await prisma.leadEvent.findMany({
        where: {
          kind: NOTICE_PENDING,
          lead: NOT_ERASED,
          ...("leadId" in where ? { leadId: where.leadId } : { at: { lt: where.before } }),
        },
        include: { lead: true },
        orderBy: { id: "asc" },
      });
      return rows.map((row) => ({ eventId: row.id, why: row.note as NoticeReason, lead: toStoredLead(row.lead) }));
    },

    /** False when another run marked it first. */
    async markNoticeSent(eventId: number): Promise<boolean> {
      const { count } = await prisma.leadEvent.deleteMany({ where: { id: eventId, kind: NOTICE_PENDING } });
      return count === 1;
    },

    async byReference(reference: string): Promise<StoredLead | undefined> {
      const row = await prisma.lead.findFirst({ where: { reference, ...NOT_ERASED } });
      return row ? toStoredLead(row) : undefined;
    },

    /** Leads registered from one chat, oldest first: what /dulieu shows and /xoa erases. */
    async byChat(from: ChatAddress): Promise<StoredLead[]> {
      const rows = await prisma.lead.findMany({
        where: { channel: from.channel, chatId: from.chatId, ...NOT_ERASED },
        orderBy: { id: "asc" },
      });
      return rows.map(toStoredLead);
    },

    /** Open leads of pooled purposes (in one commune, or all): the candidates for pools. */
    async poolingLeads(communeCode?: string): Promise<PoolingLead[]> {
      const rows = await prisma.lead.findMany({
        where: {
          ...(communeCode === undefined ? {} : { communeCode }),
          purpose: { in: [...POOLED_PURPOSES] },
          status: { in: [...OPEN_STATUSES] },
          ...NOT_ERASED,
        },
        orderBy: { id: "asc" },
      });
      return rows.map(toStoredLead);
    },

    async notifiedPoolKeys(keys: readonly string[]): Promise<Set<string>> {
      const rows = await prisma.poolAlert.findMany({ where: { key: { in: [...keys] } }, select: { key: true } });
      return new Set(rows.map((r) => r.key));
    },

    /** The "notify once" guard: true only for the one caller whose row went in. */
    async claimPoolAlert(key: string, members: number, at: Date): Promise<boolean> {
      const inserted =
        await prisma.$executeRaw`INSERT INTO pool_alert (key, members, notified_at) VALUES (${key}, ${members}, ${at}) ON CONFLICT DO NOTHING`;
      return inserted === 1;
    },

    /** Undoes a claim whose notification could not be queued, so the next save tries again. */
    async releasePoolAlert(key: string): Promise<void> {
      await prisma.poolAlert.deleteMany({ where: { key } });
    },

    /** An officer's open leads, then new unassigned ones, oldest first. */
    async openLeadsFor(staffId: number, limit: number): Promise<{ leads: StoredLead[]; total: number }> {
      const where = {
        ...NOT_ERASED,
        OR: [
          { assignedToId: staffId, status: { in: [...OPEN_STATUSES] } },
          { assignedToId: null, status: "new" as const },
        ],
      };
      const [rows, total] = await Promise.all([
        prisma.lead.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: limit }),
        prisma.lead.count({ where }),
      ]);
      return { leads: rows.map(toStoredLead), total };
    },

    /** Assigns an unassigned lead (or keeps it with the same officer); false if someone else has it. */
    async assign(id: number, staffId: number, at: Date): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const claimed = await tx.lead.updateMany({
          where: { id, assignedToId: null },
          data: { assignedToId: staffId },
        });
        if (claimed.count === 1) {
          await tx.leadEvent.create({ data: { leadId: id, actorId: staffId, kind: "assigned", at } });
          return true;
        }
        return (await tx.lead.count({ where: { id, assignedToId: staffId } })) === 1;
      });
    },

    /**
     * Moves the status only from the one the caller saw, so two officers' taps (chat or dashboard)
     * do not both apply. The caller checks that the move is allowed.
     */
    async changeStatus(
      id: number,
      from: LeadStatus,
      to: LeadStatus,
      actorId: number,
      at: Date,
      note?: string,
    ): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const moved = await tx.lead.updateMany({ where: { id, status: from }, data: { status: to } });
        if (moved.count === 0) return false;
        await tx.leadEvent.create({
          data: { leadId: id, actorId, kind: "status", fromStatus: from, toStatus: to, note, at },
        });
        return true;
      });
    },
  };
}
