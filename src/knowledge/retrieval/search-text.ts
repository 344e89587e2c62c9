import type { Section } from "../types.js";
import { searchTerms } from "../text/search-terms.js";
import { memoByObject } from "../../lib/memo-by-object.js";

/**
 * What gets indexed for a section: heading (the farmer-style question), keywords, body, and the
 * document reference, so "điều 30 luật htx" finds the right article too.
 */
export function searchText(section: Section): string {
  const cite = section.citations[0];
  const reference = cite ? `${cite.docTitle} ${cite.doc}${cite.article ? ` Điều ${cite.article}` : ""}` : "";
  return [section.heading, section.keywords.join(", "), section.text, reference].filter(Boolean).join("\n");
}

/**
 * One copy of each term string, shared by the term lists of all sections (a few thousand distinct
 * terms against hundreds of thousands of occurrences).
 */
const termTable = new Map<string, string>();

function interned(terms: string[]): readonly string[] {
  return terms.map((term) => {
    const known = termTable.get(term);
    if (known !== undefined) return known;
    termTable.set(term, term);
    return term;
  });
}

/**
 * Terms of a section for BM25; the heading counts twice because it states what the section answers.
 * Derived once per section: an index rebuilt for new FAQ entries does not tokenise the files again.
 */
export const sectionTerms = memoByObject((section: Section) =>
  interned([...searchTerms(section.heading), ...searchTerms(searchText(section))]),
);

/** Terms of what a section is about: its heading (a farmer-style question) and the writers' keywords. */
export const headingTerms = memoByObject((section: Section) =>
  interned(searchTerms([section.heading, ...section.keywords].join("\n"))),
);
