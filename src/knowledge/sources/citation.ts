import type { Citation, SourceStatus } from "../types.js";

/**
 * Reads citation metadata written as YAML (a guide's `<!-- cite -->` block, an official document's
 * front matter or `.meta.yaml` sidecar) into a `Citation`. Writers type these by hand, so values are
 * coerced leniently and problems are reported instead of thrown.
 */

const STATUSES: SourceStatus[] = ["in_force", "amended", "expired", "outdated_in_part"];

function text(value: unknown): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

function list(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => text(v)).filter((v): v is string => !!v);
}

export interface ParsedCitation {
  citation: Citation;
  keywords: string[];
  problems: string[];
}

export function parseCitation(raw: Record<string, unknown>, defaults: Partial<Citation> = {}): ParsedCitation {
  const problems: string[] = [];
  const doc = text(raw.doc) ?? defaults.doc;
  if (!doc) problems.push("missing doc");
  const status = text(raw.status) ?? defaults.status;
  if (status && !STATUSES.includes(status as SourceStatus)) problems.push(`unknown status "${status}"`);
  const amendedBy = list(raw.amended_by);
  const citation: Citation = {
    doc: doc ?? "",
    docTitle: text(raw.doc_title) ?? defaults.docTitle ?? doc ?? "",
    article: raw.article === null ? null : (text(raw.article) ?? defaults.article ?? null),
    status: STATUSES.includes(status as SourceStatus) ? (status as SourceStatus) : "unknown",
    uncertain: raw.uncertain === true || defaults.uncertain === true,
  };
  const optional = {
    clause: text(raw.clause),
    effective: text(raw.effective) ?? defaults.effective,
    expires: text(raw.expires) ?? defaults.expires,
    note: text(raw.note) ?? defaults.note,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value) Object.assign(citation, { [key]: value });
  }
  if (amendedBy.length > 0) citation.amendedBy = amendedBy;
  else if (defaults.amendedBy) citation.amendedBy = defaults.amendedBy;
  return { citation, keywords: list(raw.keywords), problems };
}
