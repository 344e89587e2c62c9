import type { QuestionProfile } from "../retrieval/coverage.js";
import { questionCoverage } from "../retrieval/coverage.js";
import { searchTerms } from "../text/search-terms.js";
import type { Section } from "../types.js";

/**
 * Picks what to quote from a section. Guides answer their heading in the first one or two
 * sentences, so those always come first; the sentences that match the question best are added
 * (the farmer may have asked about a detail), all within a phone-screen budget, in text order.
 */

const BODY_BUDGET = 460;
/** The first two sentences are both quoted when together they fit this. */
const LEAD_BUDGET = 320;
/** A later sentence is added when it covers at least this share of what the best sentence covers. */
const EXTRA_SHARE = 0.8;
const MAX_EXTRAS = 2;

export function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+\.)\s+/, "").trim())
    .filter(Boolean)
    .flatMap((line) => line.split(/(?<=[.!?…])\s+(?=[\p{Lu}\d"“(])/u))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The sentence, or its beginning cut after a "; " or ", " so it fits `room`; null if too little fits. */
function fitted(sentence: string, room: number): string | null {
  if (sentence.length <= room) return sentence;
  const cut = Math.max(sentence.lastIndexOf("; ", room - 1), sentence.lastIndexOf(", ", room - 1));
  return cut > room / 2 ? `${sentence.slice(0, cut)}…` : null;
}

export function quotePassage(section: Section, profile: QuestionProfile): string {
  const sentences = splitSentences(section.text);
  if (sentences.length === 0) return section.heading;
  const chosen = new Map<number, string>();
  const used = () => [...chosen.values()].reduce((n, s) => n + s.length + 1, 0);
  chosen.set(0, fitted(sentences[0]!, BODY_BUDGET) ?? sentences[0]!.slice(0, BODY_BUDGET));
  if (sentences.length > 1 && sentences[0]!.length + sentences[1]!.length < LEAD_BUDGET) chosen.set(1, sentences[1]!);

  const coverage = sentences.map((s) => questionCoverage(profile, new Set(searchTerms(s))));
  const best = Math.max(...coverage);
  const extras = coverage
    .map((value, i) => ({ value, i }))
    .filter(({ value, i }) => !chosen.has(i) && value > 0 && value >= EXTRA_SHARE * best)
    .sort((a, b) => b.value - a.value)
    .slice(0, MAX_EXTRAS);
  for (const { i } of extras) {
    const text = fitted(sentences[i]!, BODY_BUDGET - used());
    if (text) chosen.set(i, text);
  }
  return [...chosen]
    .sort((a, b) => a[0] - b[0])
    .map(([, s]) => s)
    .join(" ");
}
