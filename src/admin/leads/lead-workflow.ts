import type { PrismaClient } from "../../db/index.js";
import { canTransition, type LeadStatus } from "../../leads/lead-status.js";

/**
 * What officers change on a lead. Each change is a LeadEvent (the lead's history); the status update
 * is conditional on the status the officer saw, so two officers clicking at once cannot skip a step.
 */
export const LEAD_NOTE_MAX_LENGTH = 1000;
type Result = { ok: true } | { ok: false; problem: string };

export async function changeLeadStatus(
  prisma: PrismaClient,
  change: { leadId: number; from: LeadStatus; to: LeadStatus; actorId: number; now: Date },
): Promise<Result> {
  if (!canTransition(change.from, change.to)) return { ok: false, problem: "admin-error-status-transition" };
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.lead.updateMany({ where: { id: change.leadId, status: change.from }, data: { status: change.to } });
    if (count !== 1) return { ok: false, problem: "admin-error-status-changed" };
    await tx.leadEvent.create({
      data: { leadId: change.leadId, actorId: change.actorId, kind: "status", fromStatus: change.from, toStatus: change.to, at: change.now },
    });
    return { ok: true };
  });
}

export async function addLeadNote(prisma: PrismaClient, note: { leadId: number; text: string; actorId: number; now: Date }): Promise<Result> {
  const text = note.text.trim();
  if (text.length === 0) return { ok: false, problem: "admin-error-note-empty" };
  if (text.length > LEAD_NOTE_MAX_LENGTH) return { ok: false, problem: "admin-error-note-too-long" };
  await prisma.leadEvent.create({ data: { leadId: note.leadId, actorId: note.actorId, kind: "note", note: text, at: note.now } });
  return { ok: true };
}
