import type { PrismaClient } from "../../db/index.js";
import { leadRepository } from "../../leads/lead-repository.js";
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
  const moved = await leadRepository(prisma).changeStatus(change.leadId, change.from, change.to, change.actorId, change.now);
  return moved ? { ok: true } : { ok: false, problem: "admin-error-status-changed" };
}

export async function addLeadNote(prisma: PrismaClient, note: { leadId: number; text: string; actorId: number; now: Date }): Promise<Result> {
  const text = note.text.trim();
  if (text.length === 0) return { ok: false, problem: "admin-error-note-empty" };
  if (text.length > LEAD_NOTE_MAX_LENGTH) return { ok: false, problem: "admin-error-note-too-long" };
  await prisma.leadEvent.create({ data: { leadId: note.leadId, actorId: note.actorId, kind: "note", note: text, at: note.now } });
  return { ok: true };
}
