/**
 * Plain-text rendering of results for any channel (Telegram, Zalo, web). Channels that draw
 * richer cards can use the result fields directly and these helpers for the single lines.
 */
import { displayDate } from "../lib/vietnam-time.js";
import { translator } from "../i18n/translate.js";
import { formatMoney } from "../lib/farmer-numbers.js";
import type { Progress } from "./next-question.js";
import type { Citation } from "./schema.js";
import type { BenefitResult, ConditionTrace, ProgrammeResult } from "./types.js";

/** The kind of a document from its number: "55/2015/NĐ-CP" is a decree, "17/2023/QH15" a law. */
function docKind(doc: string): string {
  const kinds: [RegExp, string][] = [
    [/NĐ-CP$/, "decree"],
    [/QH\d*$/, "law"],
    [/QĐ-/, "decision"],
    [/TT-/, "circular"],
  ];
  return kinds.find(([pattern]) => pattern.test(doc))?.[1] ?? "other";
}

/** "Nghị định 31/2022/NĐ-CP". */
export function formatDocument(doc: string): string {
  return translator()("elig-cite-doc", { kind: docKind(doc), doc });
}

/** "điểm a khoản 2 Điều 9 Nghị định 55/2015/NĐ-CP (sửa đổi bởi 156/2025/NĐ-CP)". */
export function formatCitation(c: Citation): string {
  const t = translator();
  const doc = formatDocument(c.doc);
  const parts = [
    c.point && t("elig-cite-point", { point: c.point }),
    c.clause && t("elig-cite-clause", { clause: c.clause }),
    c.article !== null && t("elig-cite-article", { article: c.article }),
    doc,
  ].filter(Boolean);
  const remarks = [
    ...(c.article === null ? [t("elig-cite-no-article")] : []),
    ...(c.amended_by ? [t("elig-cite-amended", { doc: c.amended_by })] : []),
  ];
  return parts.join(" ") + (remarks.length ? ` (${remarks.join("; ")})` : "");
}

function benefitValue(b: BenefitResult): string {
  const t = translator();
  if (b.amount) {
    return b.amount.min === b.amount.max
      ? t("elig-benefit-amount", { amount: formatMoney(b.amount.max) })
      : t("elig-benefit-amount-range", { min: formatMoney(b.amount.min), max: formatMoney(b.amount.max) });
  }
  if (b.percentOfProject) return t("elig-benefit-percent", { percent: String(b.percentOfProject.max) });
  return b.text ?? "";
}

/** "Mức cho vay tối đa …: tối đa 300 triệu đồng, áp dụng từ 01/07/2025 (khoản 2 Điều 9 …)". */
export function formatBenefit(b: BenefitResult): string {
  const t = translator();
  const since =
    b.amount || b.percentOfProject ? `, ${t("elig-benefit-since", { date: displayDate(b.validFrom) })}` : "";
  const isRange = [b.amount, b.percentOfProject].some((r) => r && r.min !== r.max);
  const condition = b.certain || isRange ? "" : ` (${t("elig-benefit-if")})`;
  return `${b.label}: ${benefitValue(b)}${since}${condition} (${b.cites.map(formatCitation).join("; ")})`;
}

/** "✔", "?", "✘", or "⚠ Có thể chưa phù hợp:" for a failed condition that rests on an uncertain source. */
function traceMark(c: ConditionTrace): string {
  const t = translator();
  return c.outcome === "no" && c.note ? t("elig-trace-doubtful") : t(`elig-trace-${c.outcome}`);
}

export function formatProgress(p: Progress): string {
  return translator()("elig-progress", { current: p.current, total: p.total });
}

const bullets = (lines: string[]) => lines.map((line) => `• ${line}`);

/**
 * The short card for a list of results on a phone screen: how much (amounts and shares with their
 * citation), the names of other supports, what still blocks (maybe, doubtful, not eligible) with its
 * citation, or when an ended programme ran. The rest is behind buttons: `formatWhy`, documents, places.
 */
export function formatShortCard(r: ProgrammeResult): string {
  const t = translator();
  const lines = [`${t(`elig-outcome-${r.outcome}`)}: ${r.name}`];
  if (r.outcome === "ended") {
    const docs = [...new Set(r.legalBasis.map((c) => formatDocument(c.doc)))].join(", ");
    lines.push(t("elig-ended-between", { from: displayDate(r.effectiveFrom), to: displayDate(r.effectiveTo!), docs }));
    return lines.join("\n");
  }
  const [measured, described] = [r.benefits.filter((b) => !b.text), r.benefits.filter((b) => b.text)];
  // A failed condition (firm or doubtful) is what matters; the unknown ones then would only add length.
  const failed = r.outcome === "not_eligible" || r.outcome === "doubtful";
  const open = r.trace.filter((c) => (failed ? c.outcome === "no" : c.outcome !== "yes"));
  lines.push(
    ...bullets(measured.map(formatBenefit)),
    ...bullets(
      described.length ? [t("elig-card-other-benefits", { labels: described.map((b) => b.label).join("; ") })] : [],
    ),
    ...bullets([...new Set(open.map((c) => `${traceMark(c)} ${c.reason} (${formatCitation(c.cite)})`))]),
  );
  if (r.notes.length && r.outcome !== "not_eligible") lines.push(t("elig-card-notes-hint"));
  return lines.join("\n");
}

/** "Vì sao?": each condition with its outcome mark, reason and citation; then benefits and caveats. */
export function formatWhy(r: ProgrammeResult): string {
  const t = translator();
  const trace = r.trace.map((c) => `${traceMark(c)} ${c.reason} (${formatCitation(c.cite)})`);
  const lines = [`${t("elig-card-why")} ${r.name}`, ...trace];
  if (r.benefits.length) lines.push(t("elig-card-benefits"), ...bullets(r.benefits.map(formatBenefit)));
  if (r.notes.length) lines.push(t("elig-card-ask-again"), ...bullets(r.notes));
  return lines.join("\n");
}
