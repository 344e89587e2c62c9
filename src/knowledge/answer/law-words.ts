import type { QuestionProfile } from "../retrieval/coverage.js";
import { questionCoverage } from "../retrieval/coverage.js";
import { searchTerms } from "../text/search-terms.js";
import { splitSentences } from "../text/sentences.js";
import type { Citation, Section } from "../types.js";
import { memoByObject } from "../../lib/memo-by-object.js";
import { hasFigure, type QuestionWants } from "./passage.js";
import { clausesOf } from "./legal-quote.js";
import { coversFocus, subjectsOf } from "./focus.js";

/**
 * The law's own sentence next to a guide's plain words. Guides retell the law ("dự họp nhưng không
 * biểu quyết"); the article they cite says it in legal terms ("không có quyền biểu quyết"), often
 * with the condition or exception the retelling left out. When the cited article holds a sentence
 * answering what the guide's quote does not cover of the question, it is quoted word for word,
 * with its khoản, in the room the answer has left.
 */

/** A sentence of an official text with the khoản it belongs to. */
interface LawSentence {
  text: string;
  clause: string | undefined;
  terms: Set<string>;
  subjects: Set<string>;
  citation: Citation;
}

/** The law sentence must add at least this share of the question the quote leaves uncovered. */
const MIN_NEW_SHARE = 0.04;
/** …and cover at least this share of what the guide's quote covers: it answers the same question. */
const MIN_RELATIVE_COVERAGE = 0.6;
/** Shorter room than this holds no useful law sentence. */
const MIN_ROOM = 60;

const ITEM_PREFIX = /^(\d+\.|[a-zđ]\))\s+/u;

const sentencesOfSection = memoByObject((section: Section): LawSentence[] => {
  const citation = section.citations[0]!;
  return clausesOf(section.text).flatMap((clause) =>
    clause.lines.flatMap((line) =>
      splitSentences(line.replace(ITEM_PREFIX, "")).map((text) => ({
        text,
        clause: clause.number,
        terms: new Set(searchTerms(text)),
        subjects: subjectsOf(text),
        citation,
      })),
    ),
  );
});

/** Official-text sections by "document#article", for the index they belong to. */
const articlesOf = memoByObject((sections: Section[]) => {
  const byArticle = new Map<string, Section[]>();
  for (const section of sections) {
    const main = section.citations[0];
    if (section.kind !== "legal" || !main?.article) continue;
    const key = `${main.doc}#${main.article}`;
    byArticle.set(key, [...(byArticle.get(key) ?? []), section]);
  }
  return byArticle;
});

/**
 * A sentence that can stand as an answer to what is asked: not a list's introduction ("… sau đây:"),
 * naming the question's subjects, and stating a figure when the question asks for one.
 */
function answersAsked(sentence: LawSentence, focus: Set<string>, wants: QuestionWants): boolean {
  if (sentence.text.endsWith(":")) return false;
  if (wants.number && !hasFigure(sentence.text)) return false;
  return coversFocus(focus, sentence.subjects);
}

export interface LawWords {
  text: string;
  citation: Citation;
}

/**
 * The sentence of the articles `guide` cites that best answers what `quote` leaves out, at most
 * `room` characters long; null when none adds to the quote and fits whole.
 */
export function lawWordsFor(
  guide: Section,
  question: string,
  quote: string,
  sections: Section[],
  profile: QuestionProfile,
  wants: QuestionWants,
  room: number,
): LawWords | null {
  if (guide.kind !== "guide" || room < MIN_ROOM || profile.total === 0) return null;
  const byArticle = articlesOf(sections);
  const cited = new Set(guide.citations.filter((c) => c.article).map((c) => `${c.doc}#${c.article}`));
  const candidates = [...cited].flatMap((key) => (byArticle.get(key) ?? []).flatMap(sentencesOfSection));
  if (candidates.length === 0) return null;
  const quoted = new Set(searchTerms(quote));
  const quoteCoverage = questionCoverage(profile, quoted);
  const gain = (terms: Set<string>) =>
    [...terms].reduce((sum, term) => sum + (quoted.has(term) ? 0 : (profile.weights.get(term) ?? 0)), 0);
  const focus = subjectsOf(question);
  let best: { sentence: LawSentence; coverage: number } | null = null;
  for (const sentence of candidates) {
    if (!answersAsked(sentence, focus, wants)) continue;
    const coverage = questionCoverage(profile, sentence.terms);
    if (coverage < MIN_RELATIVE_COVERAGE * quoteCoverage) continue;
    // A law sentence is never cut: its end often holds the exception ("trừ …") that reverses it.
    if (sentence.text.length > room || gain(sentence.terms) < MIN_NEW_SHARE * profile.total) continue;
    if (!best || coverage > best.coverage) best = { sentence, coverage };
  }
  if (!best) return null;
  const citation: Citation = { ...best.sentence.citation };
  delete citation.clause;
  if (best.sentence.clause) citation.clause = best.sentence.clause;
  return { text: best.sentence.text, citation };
}
