/**
 * Plain-text rendering of results for any channel (Telegram, Zalo, web). Channels that draw
 * richer cards can use the result fields directly and these helpers for the single lines.
 */
import { translator } from "../i18n/translate.js";
import { formatMoney } from "../lib/farmer-numbers.js";
import type { Progress } from "./next-question.js";
import type { Citation } from "./schema.js";
import type { BenefitResult, ProgrammeResult } from "./types.js";

/** "2025-07-01" → "01/07/2025". */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

/** The kind of a document from its number: "55/2015/NĐ-CP" is a decree, "17/2023/QH15" a law. */
function docKind(doc: string): string {
  const kinds: [RegExp, string][] = [[/NĐ-CP$/, "decree"], [/QH\d*$/, "law"], [/QĐ-/, "decision"], [/TT-/, "circular"]];
  return kinds.find(([pattern]) => pattern.test(doc))?.[1] ?? "other";
}

/** "điểm a khoản 2 Điều 9 Nghị định 55/2015/NĐ-CP (sửa đổi bởi 156/2025/NĐ-CP)". */
export function formatCitation(c: Citation): string {
  const t = translator();
  const doc = t("elig-cite-doc", { kind: docKind(c.doc), doc: c.doc });
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
  const since = b.amount || b.percentOfProject ? `, ${t("elig-benefit-since", { date: formatDate(b.validFrom) })}` : "";
  const isRange = [b.amount, b.percentOfProject].some((r) => r && r.min !== r.max);
  const condition = b.certain || isRange ? "" : ` (${t("elig-benefit-if")})`;
  return `${b.label}: ${benefitValue(b)}${since}${condition} (${b.cites.map(formatCitation).join("; ")})`;
}

export function formatProgress(p: Progress): string {
  return translator()("elig-progress", { current: p.current, total: p.total });
}

const bullets = (lines: string[]) => lines.map((line) => `• ${line}`);

/** The card: outcome and name, what the farmer gets, papers, where to go, caveats. */
export function formatResultCard(r: ProgrammeResult): string {
  const t = translator();
  const lines = [`${t(`elig-outcome-${r.outcome}`)}: ${r.name}`];
  if (r.outcome === "ended") lines.push(t("elig-ended-on", { date: formatDate(r.effectiveTo!) }));
  lines.push(r.summary);
  if (r.benefits.length) lines.push(t("elig-card-benefits"), ...bullets(r.benefits.map(formatBenefit)));
  if (r.documents.length) lines.push(t("elig-card-documents"), ...bullets(r.documents));
  if (r.whereToApply.length) lines.push(t("elig-card-where"), ...bullets(r.whereToApply));
  if (r.notes.length) lines.push(t("elig-card-ask-again"), ...bullets(r.notes));
  if (r.outcome !== "ended") lines.push(t("elig-card-disclaimer"));
  return lines.join("\n");
}

/** "Vì sao?": each condition with its outcome mark, reason and citation. */
export function formatWhy(r: ProgrammeResult): string {
  const t = translator();
  const trace = r.trace.map((c) => `${t(`elig-trace-${c.outcome}`)} ${c.reason} (${formatCitation(c.cite)})`);
  return [`${t("elig-card-why")} ${r.name}`, ...trace].join("\n");
}
