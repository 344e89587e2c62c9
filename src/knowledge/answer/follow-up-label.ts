import type { Section } from "../types.js";
import { ARTICLE_HEADING } from "./legal-quote.js";
import { documentNumber, type DocumentNumber } from "../sources/document-number.js";

/**
 * The label of a follow-up button. A guide section's heading is a farmer's question already; an
 * official text's heading ("Điều 51. Đăng ký giải thể bắt buộc…") does not say which document it is
 * from, so its label names the document short first ("NĐ 92/2024 Đ.51: Đăng ký giải thể bắt buộc…").
 * Pressing the button asks the label as a question: the document number and the title find the article.
 */

/** Longest label: a button on a phone screen; longer titles are cut at a word. */
export const FOLLOW_UP_LABEL_CHARS = 64;

const KIND_SHORT: Record<NonNullable<DocumentNumber["issuer"]>, string> = {
  QH: "Luật",
  NĐ: "NĐ",
  NQ: "NQ",
  QĐ: "QĐ",
  TT: "TT",
  UBTVQH: "NQ",
};
/** A law's own short title ("Luật HTX 2023") is plainer than its number, when it is short. */
const SHORT_TITLE_CHARS = 16;

/** "NĐ 92/2024", "Luật HTX 2023": a document named the way farmers and officers say it. */
export function shortDocumentName(doc: string, docTitle: string): string {
  const parsed = documentNumber(doc);
  if (!parsed?.issuer) return docTitle;
  const title = docTitle.replace(/Hợp tác xã/giu, "HTX");
  if (parsed.issuer === "QH" && title.length <= SHORT_TITLE_CHARS) return title;
  return `${KIND_SHORT[parsed.issuer]} ${parsed.number}/${parsed.year}`;
}

function cut(label: string): string {
  if (label.length <= FOLLOW_UP_LABEL_CHARS) return label;
  const end = label.lastIndexOf(" ", FOLLOW_UP_LABEL_CHARS - 1);
  return `${label.slice(0, end > 0 ? end : FOLLOW_UP_LABEL_CHARS - 1)}…`;
}

export function followUpLabel(section: Pick<Section, "kind" | "heading" | "citations">): string {
  const article = ARTICLE_HEADING.exec(section.heading);
  const main = section.citations[0];
  if (section.kind !== "legal" || !article || !main) return section.heading;
  const [, number, title] = article;
  return cut(`${shortDocumentName(main.doc, main.docTitle)} Đ.${number}: ${title}`);
}
