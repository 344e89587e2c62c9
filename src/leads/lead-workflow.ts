import { prismaAuditLog, type AuditLog } from "../audit/audit-log.js";
import type { Prisma, PrismaClient } from "../db/index.js";
import type { Translate } from "../i18n/translate.js";
import { prismaOutbox } from "../outbound/prisma-outbox.js";
import { messageToFarmer, OFFICER_MESSAGE_EVENT } from "./officer-messages.js";
import { leadRepository } from "./lead-repository.js";
import { canTransition, needsReason, type LeadStatus } from "./lead-status.js";

/**
 * What officers change on a lead, from the dashboard or from chat. Each change is a LeadEvent (the
 * lead's history) and an audit entry of the same shape whichever surface it came from; the status
 * update is conditional on the status the officer saw, so two officers clicking at once cannot skip
 * a step.
 */
export const LEAD_NOTE_MAX_LENGTH = 1000;
type Result = { ok: true } | { ok: false; problem: string };
type Deps = { prisma: PrismaClient; audit: AuditLog };
/** "chat" when the officer acted from a linked chat; absent for the dashboard. */
export type Surface = { via?: "chat" };
type LeadRef = { id: number; reference: string; erasedAt?: Date | null };

export async function changeLeadStatus(
  deps: Deps,
  change: { lead: LeadRef; from: LeadStatus; to: LeadStatus; actorId: number; now: Date; reason?: string } & Surface,
): Promise<Result> {
  if (change.lead.erasedAt) return { ok: false, problem: "admin-error-lead-erased" };
  if (!canTransition(change.from, change.to)) return { ok: false, problem: "admin-error-status-transition" };
  const reason = change.reason?.trim() ?? "";
  if (needsReason(change.from, change.to) && reason === "") return { ok: false, problem: "admin-error-status-reason" };
  if (reason.length > LEAD_NOTE_MAX_LENGTH) return { ok: false, problem: "admin-error-note-too-long" };
  const moved = await leadRepository(deps.prisma).changeStatus(
    change.lead.id,
    change.from,
    change.to,
    change.actorId,
    change.now,
    reason || undefined,
  );
  if (!moved) return { ok: false, problem: "admin-error-status-changed" };
  await deps.audit.record({
    action: "lead.status",
    actorId: change.actorId,
    target: change.lead.reference,
    details: { from: change.from, to: change.to, ...(change.via ? { via: change.via } : {}) },
    at: change.now,
  });
  return { ok: true };
}

export async function addLeadNote(
  deps: Deps,
  note: { lead: LeadRef; text: string; actorId: number; now: Date },
): Promise<Result> {
  if (note.lead.erasedAt) return { ok: false, problem: "admin-error-lead-erased" };
  const text = note.text.trim();
  if (text.length === 0) return { ok: false, problem: "admin-error-note-empty" };
  if (text.length > LEAD_NOTE_MAX_LENGTH) return { ok: false, problem: "admin-error-note-too-long" };
  await deps.prisma.leadEvent.create({
    data: { leadId: note.lead.id, actorId: note.actorId, kind: "note", note: text, at: note.now },
  });
  await deps.audit.record({ action: "lead.note", actorId: note.actorId, target: note.lead.reference, at: note.now });
  return { ok: true };
}

export const LEAD_MESSAGE_MAX_LENGTH = 1000;

/**
 * An officer's word to the farmer of a lead (a message, an answer to their question or reply), in the
 * caller's transaction: it goes into the lead's history, and writing is taking the lead up. An
 * unassigned lead becomes the writing officer's, and a new lead of theirs is contacted; a lead another
 * officer holds stays with them, in its status. The updates are conditional, so two officers writing
 * at once cannot both take it.
 */
export async function recordOfficerWord(
  tx: Prisma.TransactionClient,
  lead: LeadRef,
  word: { actorId: number; text: string; at: Date },
) {
  const { actorId, at } = word;
  await takeUp(tx, lead, actorId, at);
  await tx.leadEvent.create({ data: { leadId: lead.id, actorId, kind: OFFICER_MESSAGE_EVENT, note: word.text, at } });
}

async function takeUp(tx: Prisma.TransactionClient, lead: LeadRef, actorId: number, at: Date) {
  const audit = prismaAuditLog(tx);
  const taken = await tx.lead.updateMany({
    where: { id: lead.id, assignedToId: null },
    data: { assignedToId: actorId },
  });
  if (taken.count === 1) {
    await tx.leadEvent.create({ data: { leadId: lead.id, actorId, kind: "assigned", at } });
    await audit.record({ action: "lead.claim", actorId, target: lead.reference, at });
  }
  const contacted = await tx.lead.updateMany({
    where: { id: lead.id, assignedToId: actorId, status: "new" },
    data: { status: "contacted" },
  });
  if (contacted.count === 1) {
    await tx.leadEvent.create({
      data: { leadId: lead.id, actorId, kind: "status", fromStatus: "new", toStatus: "contacted", at },
    });
    const details = { from: "new", to: "contacted" };
    await audit.record({ action: "lead.status", actorId, target: lead.reference, details, at });
  }
}

/**
 * An officer's message to the farmer of a lead, through the outbox (paced, skipped for a chat that
 * blocked the bot); the lead's history keeps what was said, and the farmer can answer by a button.
 * The writes are one transaction: no message goes out that the history and audit log lack.
 */
export async function messageFarmer(
  deps: { prisma: PrismaClient; translate: Translate },
  message: { lead: LeadRef & { channel: string; chatId: string | null }; text: string; actorId: number; now: Date },
): Promise<Result> {
  const { lead, actorId } = message;
  const { channel, chatId } = lead;
  if (lead.erasedAt || !chatId) return { ok: false, problem: "admin-error-lead-erased" };
  const text = message.text.trim();
  if (text.length === 0 || text.length > LEAD_MESSAGE_MAX_LENGTH)
    return { ok: false, problem: "admin-lead-message-invalid" };
  await deps.prisma.$transaction(async (tx) => {
    await recordOfficerWord(tx, lead, { actorId, text, at: message.now });
    await prismaOutbox(tx).enqueue({ channel, chatId }, messageToFarmer(text, lead.reference, deps.translate), {
      origin: { senderId: actorId },
    });
    await prismaAuditLog(tx).record({ action: "lead.message", actorId, target: lead.reference, at: message.now });
  });
  return { ok: true };
}
