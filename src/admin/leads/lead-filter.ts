import { z } from "zod";
import type { Prisma } from "../../db/index.js";
import { LEAD_STATUSES } from "../../leads/lead-status.js";
import { PURPOSE_IDS } from "../../leads/purposes.js";
import { foldVietnamese } from "../../lib/vietnamese.js";
import { vietnamDayStart } from "../../lib/vietnam-time.js";

/**
 * The leads list's filters, sorting and paging as query parameters, shared by the list and the
 * exports so "export" always means "what I am looking at". Nonsense values fall back to "no filter".
 */
export const LEAD_SORTS = ["newest", "oldest", "name", "commune", "members", "status"] as const;
export const LEADS_PAGE_SIZE = 25;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(d)));
const text = (max: number) => z.string().trim().min(1).max(max);

const schema = z.object({
  status: z.enum(LEAD_STATUSES).optional().catch(undefined),
  purpose: z.enum(PURPOSE_IDS).optional().catch(undefined),
  commune: z.string().regex(/^\d{5}$/).optional().catch(undefined),
  sector: text(120).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  q: text(100).optional().catch(undefined),
  sort: z.enum(LEAD_SORTS).catch("newest"),
});
export type LeadFilter = z.infer<typeof schema>;

export const parseLeadFilter = (query: Record<string, string>): LeadFilter => schema.parse(query);

const DAY_MS = 86_400_000;

export function leadWhere(filter: LeadFilter): Prisma.LeadWhereInput {
  const and: Prisma.LeadWhereInput[] = [];
  if (filter.status) and.push({ status: filter.status });
  if (filter.purpose) and.push({ purpose: filter.purpose });
  if (filter.commune) and.push({ communeCode: filter.commune });
  if (filter.sector) and.push({ sector: filter.sector });
  if (filter.from) and.push({ createdAt: { gte: vietnamDayStart(filter.from) } });
  if (filter.to) and.push({ createdAt: { lt: new Date(vietnamDayStart(filter.to).getTime() + DAY_MS) } });
  if (filter.q) {
    // Lead.searchText is folded when written; fold the query the same way so "nguyen van" finds "Nguyễn Văn".
    const words = foldVietnamese(filter.q).split(" ").filter(Boolean);
    const byText: Prisma.LeadWhereInput = { AND: words.map((word) => ({ searchText: { contains: word } })) };
    and.push(words.length > 0 ? { OR: [byText, { reference: { equals: filter.q.toUpperCase() } }] } : { reference: filter.q.toUpperCase() });
  }
  return { AND: and };
}

export function leadOrderBy(filter: LeadFilter): Prisma.LeadOrderByWithRelationInput[] {
  // The id breaks ties so paging never shows a lead twice or skips one.
  const tail: Prisma.LeadOrderByWithRelationInput = { id: filter.sort === "oldest" ? "asc" : "desc" };
  switch (filter.sort) {
    case "oldest":
      return [{ createdAt: "asc" }, tail];
    case "name":
      return [{ searchText: "asc" }, tail];
    case "commune":
      return [{ communeName: "asc" }, { createdAt: "desc" }, tail];
    case "members":
      return [{ members: "desc" }, { createdAt: "desc" }, tail];
    case "status":
      return [{ status: "asc" }, { createdAt: "desc" }, tail];
    default:
      return [{ createdAt: "desc" }, tail];
  }
}

/** The filter as a query string (without paging), for export links and pool links. */
export function filterQuery(filter: Partial<LeadFilter>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  return params.toString();
}

/** For the audit log: which filters were used, never the searched words (they may be a name). */
export function filterSummary(filter: LeadFilter): Record<string, string | boolean | null> {
  const { q, ...rest } = filter;
  return { ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v ?? null])), search: q !== undefined };
}
