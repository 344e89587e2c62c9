import { displayDate } from "../../lib/vietnam-time.js";
import type { Translate } from "../../i18n/translate.js";
import type { SearchHit } from "../retrieval/knowledge-index.js";
import type { AnswerSource, Citation } from "../types.js";
import { documentNumber } from "../sources/document-number.js";

/** How citations are shown to farmers: reference line, status label and warnings (texts in ask.ftl). */

/** "2024-07-01" -> "01/07/2024", the way dates are written in Vietnam. */
const vietnameseDate = (iso: string | undefined): string | undefined =>
  iso === undefined ? undefined : displayDate(iso);

/**
 * Whether a guide's sentences cite this article inline: "(khoản 6 Điều 19 Nghị định 92/2024)" names
 * Điều 19 of 92/2024/NĐ-CP, "(khoản 4 Điều 42 Luật HTX 2023)" Điều 42 of the 2023 law. A bare
 * "(khoản 2 Điều 29)" names no document and counts for none.
 */
function citesInline(text: string, citation: Citation): boolean {
  const parsed = documentNumber(citation.doc);
  if (!parsed || !citation.article) return false;
  const { number: n, year } = parsed;
  const law = parsed.issuer === "QH" ? `|Luật[^()\\d]{0,24}${year}` : "";
  const mention = new RegExp(`Điều ${citation.article}(?![\\d\\p{L}])[^()]{0,40}?(${n}\\/${year}${law})`, "u");
  return mention.test(text);
}

/**
 * The citations a quote from a guide section rests on: those its sentences cite inline, the main one
 * first; the main one alone when it is cited or none is. A fact the guide takes from a decree
 * ("60 ngày để sửa hồ sơ", khoản 6 Điều 19 NĐ 92/2024) is then not credited to the law article the
 * section is filed under.
 */
export function quotedCitations(citations: Citation[], quote: string): Citation[] {
  const [main, ...others] = citations;
  if (!main) return [];
  const cited = others.filter((c) => citesInline(quote, c));
  if (cited.length === 0) return [main];
  return citesInline(quote, main) ? [main, ...cited] : cited;
}

export function referenceText(citation: Citation, t: Translate): string {
  const args = {
    doc: citation.doc,
    title: citation.docTitle,
    article: citation.article ?? "",
    clause: citation.clause ?? "",
  };
  if (!citation.article) return t("ask-reference-document", args);
  return t(citation.clause ? "ask-reference-clause" : "ask-reference-article", args);
}

/** Status label with details, for the source list (e.g. "Hết hiệu lực từ 01/07/2024"). */
export function statusNote(citation: Citation, t: Translate): string | undefined {
  const parts: string[] = [];
  if (citation.status === "expired" && citation.expires) {
    parts.push(t("ask-status-expired-on", { date: vietnameseDate(citation.expires)! }));
  } else if (citation.status === "amended" && citation.amendedBy) {
    parts.push(t("ask-status-amended-by", { by: citation.amendedBy.join(", ") }));
  } else if (citation.status !== "in_force") {
    parts.push(t(`ask-status-${citation.status}`));
  }
  if (citation.note) parts.push(citation.note);
  return parts.length > 0 ? parts.join(". ") : undefined;
}

/**
 * The visible warning for an answer built on an expired, amended or partly outdated source: one short
 * line naming the document by its number (the source line above gives its title).
 */
export function warningText(citation: Citation, t: Translate): string | undefined {
  const doc = citation.doc;
  switch (citation.status) {
    case "expired":
      return t("ask-warning-expired", { doc, date: vietnameseDate(citation.expires) ?? "none" });
    case "amended":
      return t("ask-warning-amended", { doc, by: citation.amendedBy?.join(", ") ?? "none" });
    case "outdated_in_part":
      return t("ask-warning-outdated", { doc });
    default:
      return undefined;
  }
}

export function citationSource(citation: Citation, sectionId: string, score: number, t: Translate): AnswerSource {
  const note = statusNote(citation, t);
  return {
    doc: citation.doc,
    article: citation.article,
    title: citation.docTitle,
    score,
    status: citation.status,
    ...(note ? { statusNote: note } : {}),
    sectionId,
  };
}

/**
 * Sources best first: every citation of the passages the answer is built from, then the main
 * citation of the other hits; one entry per document and article so the list stays informative.
 */
export function answerSources(hits: SearchHit[], used: number, t: Translate, limit = 5): AnswerSource[] {
  const sources: AnswerSource[] = [];
  const seen = new Set<string>();
  hits.forEach((hit, i) => {
    for (const citation of i < used ? hit.section.citations : hit.section.citations.slice(0, 1)) {
      const key = `${citation.doc}#${citation.article}`;
      if (seen.has(key)) continue;
      seen.add(key);
      sources.push(citationSource(citation, hit.section.id, hit.score, t));
    }
  });
  return sources.slice(0, limit);
}

/** Several answers' source lists merged in turn (first of each, then second of each …), one entry per article. */
export function interleavedSources(lists: AnswerSource[][], limit = 5): AnswerSource[] {
  const merged: AnswerSource[] = [];
  const seen = new Set<string>();
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let i = 0; i < longest; i += 1) {
    for (const source of lists.flatMap((list) => list.slice(i, i + 1))) {
      const key = `${source.doc}#${source.article}`;
      if (!seen.has(key)) merged.push(source);
      seen.add(key);
    }
  }
  return merged.slice(0, limit);
}
