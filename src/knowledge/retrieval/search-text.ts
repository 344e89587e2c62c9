import type { Section } from "../types.js";
import { searchTerms } from "../text/search-terms.js";

/**
 * What gets indexed for a section: heading (the farmer-style question), keywords, body, and the
 * document reference, so "điều 30 luật htx" finds the right article too.
 */
export function searchText(section: Section): string {
  const cite = section.citations[0];
  const reference = cite ? `${cite.docTitle} ${cite.doc}${cite.article ? ` Điều ${cite.article}` : ""}` : "";
  return [section.heading, section.keywords.join(", "), section.text, reference].filter(Boolean).join("\n");
}

/** Terms of a section for BM25; the heading counts twice because it states what the section answers. */
export function sectionTerms(section: Section): string[] {
  return [...searchTerms(section.heading), ...searchTerms(searchText(section))];
}

/** Terms of what a section is about: its heading (a farmer-style question) and the writers' keywords. */
export function headingTerms(section: Section): string[] {
  return searchTerms([section.heading, ...section.keywords].join("\n"));
}
