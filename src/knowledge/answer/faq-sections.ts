import { displayDate, vietnamDate } from "../../lib/vietnam-time.js";
import type { Translate } from "../../i18n/translate.js";
import type { FaqInput, Section } from "../types.js";

/**
 * Officers' published FAQ entries as sections: the question is the heading, the answer the text,
 * and the source line says an officer wrote it ("Nguồn: Cán bộ HTX trả lời (HD-0003, 01/12/2026)").
 * They rank as guides: an officer's plain answer is what our guides are.
 */
export const FAQ_FILE = "hoi-dap-can-bo";

export function faqSections(entries: FaqInput[], t: Translate): Section[] {
  return entries.map((entry, order) => ({
    id: `faq-${entry.id}`,
    file: FAQ_FILE,
    kind: "guide",
    topic: null,
    topicTitle: null,
    heading: entry.question,
    text: entry.answer,
    citations: [
      {
        doc: t("ask-faq-reference", { reference: entry.reference, date: displayDate(vietnamDate(entry.publishedAt)) }),
        docTitle: t("ask-faq-source"),
        article: null,
        status: "in_force",
        uncertain: false,
      },
    ],
    keywords: [],
    order,
  }));
}

/** Changes when any entry is published, unpublished or rewritten. */
export function faqSignature(entries: FaqInput[]): string {
  return JSON.stringify(entries.map((e) => [e.id, e.question, e.answer, e.publishedAt.getTime()]));
}
