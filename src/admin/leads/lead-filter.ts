import { z } from "zod";
import type { Prisma } from "../../db/index.js";
import { LEAD_STATUSES } from "../../leads/lead-status.js";
import { PURPOSE_IDS } from "../../leads/purposes.js";
import { foldVietnamese } from "../../lib/vietnamese.js";
import { REFERENCE_LENGTH, REFERENCE_PREFIX } from "../../leads/reference-code.js";
import { vietnamDayStart } from "../../lib/vietnam-time.js";

/**
 * The leads list's filters, sorting and paging as query parameters, shared by the list and the
 * exports so "export" always means "what I am looking at". Nonsense values fall back to "no filter".
 */
export const LEAD_SORTS = ["newest", "oldest", "name", "commune", "members", "status"] as const;
/** The workflow statuses, and "erased": leads whose farmer erased their data (kept only for counts). */
export const STATUS_FILTERS = [...LEAD_STATUSES, "erased"] as const;
export const LEADS_PAGE_SIZE = 25;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(d)));
const text = (max: number) => z.string().trim().min(1).max(max);

const schema = z.object({
  status: z.enum(STATUS_FILTERS).optional().catch(undefined),
  purpose: z.enum(PURPOSE_IDS).optional().catch(undefined),
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional()
    .catch(undefined),
  sector: text(120).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  q: text(100).optional().catch(undefined),
  /** "none" (nobody handles it yet) or a staff user's id. */
  assignee: z
    .string()
    .regex(/^(none|\d{1,9})$/)
    .optional()
    .catch(undefined),
  sort: z.enum(LEAD_SORTS).catch("newest"),
});
export type LeadFilter = z.infer<typeof schema>;

export const parseLeadFilter = (query: Record<string, string>): LeadFilter => schema.parse(query);

const DAY_MS = 86_400_000;

export function leadWhere(filter: LeadFilter): Prisma.LeadWhereInput {
  const and: Prisma.LeadWhereInput[] = [];
  // An erased lead keeps its last status for the statistics but is no longer in the workflow.
  if (filter.status === "erased") and.push({ erasedAt: { not: null } });
  else if (filter.status) and.push({ status: filter.status, erasedAt: null });
  if (filter.purpose) and.push({ purpose: filter.purpose });
  if (filter.commune) and.push({ communeCode: filter.commune });
  // A farm of several sectors ("lúa + nuôi tôm") is in the list of each; a farmer's own words are "other".
  if (filter.sector) and.push(filter.sector === "other" ? { sector: "other" } : { sectors: { has: filter.sector } });
  if (filter.from) and.push({ createdAt: { gte: vietnamDayStart(filter.from) } });
  if (filter.to) and.push({ createdAt: { lt: new Date(vietnamDayStart(filter.to).getTime() + DAY_MS) } });
  if (filter.assignee === "none") and.push({ assignedToId: null });
  else if (filter.assignee) and.push({ assignedToId: Number(filter.assignee) });
  if (filter.q) and.push(searchWhere(filter.q));
  return { AND: and };
}

// Any five letters or digits are tried as a code (besides the words), not only the code alphabet, so
// references made before the alphabet (and test data) are found too.
const REFERENCE_QUERY = new RegExp(`^(?:${REFERENCE_PREFIX.replace("-", "-?")})?([a-z0-9]{${REFERENCE_LENGTH}})$`, "i");
const PHONE_QUERY = /^[\d\s.()+-]+$/;
const MIN_PHONE_DIGITS = 3;

/** A whole folded word of Lead.searchText (space separated), not a piece of one: "an" is not in "van". */
const hasWord = (word: string): Prisma.LeadWhereInput => ({
  OR: [
    { searchText: word },
    { searchText: { startsWith: `${word} ` } },
    { searchText: { endsWith: ` ${word}` } },
    { searchText: { contains: ` ${word} ` } },
  ],
});

/**
 * The search box: a reference with or without "HTX-" ("7k3q9"), a phone number or a piece of one in
 * any format ("0912 345", "+84 912…", "345.678"), or words of the name, commune or sector, each a whole
 * word, diacritics optional ("nguyen van an" finds "Nguyễn Văn An", not every "Văn").
 */
function searchWhere(q: string): Prisma.LeadWhereInput {
  const reference = REFERENCE_QUERY.exec(q.replace(/\s+/g, ""));
  const byReference: Prisma.LeadWhereInput[] = reference
    ? [{ reference: `${REFERENCE_PREFIX}${reference[1]!.toUpperCase()}` }]
    : [];
  const digits = q.replace(/\D/g, "");
  if (PHONE_QUERY.test(q) && digits.length >= MIN_PHONE_DIGITS) {
    // Stored as E.164 (+84…): a national 0 or a typed 84 country code becomes the digits after +84.
    const national =
      digits.startsWith("84") && digits.length >= 11
        ? digits.slice(2)
        : digits.startsWith("0")
          ? digits.slice(1)
          : digits;
    return { OR: [...byReference, { phone: { contains: national } }] };
  }
  // Lead.searchText is folded when written; fold the query the same way so "nguyen van" finds "Nguyễn Văn".
  const words = foldVietnamese(q).split(" ").filter(Boolean);
  const byWords: Prisma.LeadWhereInput[] = words.length > 0 ? [{ AND: words.map(hasWord) }] : [];
  return { OR: [...byReference, ...byWords, ...(byReference.length + byWords.length === 0 ? [{ id: -1 }] : [])] };
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
      return [{ members: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, tail];
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
