import type { Prisma, PrismaClient } from "../db/index.js";
import { displayDateTime } from "../lib/vietnam-time.js";
import type { ExportLead, LeadBatches } from "./export.js";
import { toStoredLead } from "./lead-repository.js";

/** Small enough that one batch is a short query and a short burst of formatting between other requests. */
export const EXPORT_BATCH_SIZE = 500;

/**
 * The leads an export will write: their ids in list order are read first, so the count is known
 * before the first byte (the dashboard shows progress against it) and leads registered during the
 * export neither shift the batches nor appear half-way. Then `batches()` loads them batch by batch,
 * with who handles each and the officers' notes (notes and reasons of status changes). An erased
 * lead is exported for the counts, without notes: they may name the farmer.
 */
export async function exportSelection(
  prisma: PrismaClient,
  query: { where: Prisma.LeadWhereInput; orderBy: Prisma.LeadOrderByWithRelationInput[] },
): Promise<{ count: number; batches: () => LeadBatches }> {
  const ids = (await prisma.lead.findMany({ where: query.where, orderBy: query.orderBy, select: { id: true } })).map(
    (row) => row.id,
  );

  async function load(batchIds: number[]): Promise<ExportLead[]> {
    const [rows, notes] = await Promise.all([
      prisma.lead.findMany({
        where: { id: { in: batchIds } },
        include: { assignedTo: { select: { displayName: true } } },
      }),
      prisma.leadEvent.findMany({
        where: { leadId: { in: batchIds }, actorId: { not: null }, note: { not: null }, lead: { erasedAt: null } },
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: { leadId: true, at: true, note: true, actor: { select: { displayName: true } } },
      }),
    ]);
    const notesByLead = new Map<number, string[]>();
    for (const note of notes) {
      const lines = notesByLead.get(note.leadId) ?? [];
      lines.push(`${displayDateTime(note.at)} ${note.actor?.displayName ?? ""}: ${note.note}`);
      notesByLead.set(note.leadId, lines);
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    // A lead deleted since the ids were read is skipped: there is nothing left to write.
    return batchIds.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      return [
        { ...toStoredLead(row), assignee: row.assignedTo?.displayName, officerNotes: notesByLead.get(id)?.join("\n") },
      ];
    });
  }

  async function* batches(): LeadBatches {
    for (let start = 0; start < ids.length; start += EXPORT_BATCH_SIZE)
      yield await load(ids.slice(start, start + EXPORT_BATCH_SIZE));
  }

  return { count: ids.length, batches };
}
