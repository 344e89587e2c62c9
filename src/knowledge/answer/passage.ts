import type { QuestionProfile } from "../retrieval/coverage.js";
import { questionCoverage } from "../retrieval/coverage.js";
import { searchTerms } from "../text/search-terms.js";
import type { Section } from "../types.js";

/**
 * Picks what to quote from a section. Guides answer their heading in the first sentence or two, so
 * those always come first; a later sentence is added when it matches the question much better
 * (the farmer asked about a detail), all within a phone-screen budget and in the original order.
 */

const BODY_BUDGET = 420;
/** A first sentence this short ("Được.", "Không còn đúng.") needs the next one to make sense. */
const SHORT_LEAD = 90;

export function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+\.)\s+/, "").trim())
    .filter(Boolean)
    .flatMap((line) => line.split(/(?<=[.!?…])\s+(?=[\p{Lu}\d"“(])/u))
    .map((s) => s.trim())
    .filter(Boolean);
}

export function quotePassage(section: Section, profile: QuestionProfile): string {
  const sentences = splitSentences(section.text);
  if (sentences.length === 0) return section.heading;
  const chosen = new Set<number>([0]);
  if (sentences[0]!.length < SHORT_LEAD && sentences.length > 1) chosen.add(1);
  const length = () => [...chosen].reduce((n, i) => n + sentences[i]!.length + 1, 0);

  const leadCoverage = questionCoverage(profile, new Set([...chosen].flatMap((i) => searchTerms(sentences[i]!))));
  const ranked = sentences
    .map((sentence, i) => ({ i, coverage: questionCoverage(profile, new Set(searchTerms(sentence))) }))
    .filter(({ i, coverage }) => !chosen.has(i) && coverage > leadCoverage)
    .sort((a, b) => b.coverage - a.coverage);
  for (const { i } of ranked.slice(0, 2)) {
    if (length() + sentences[i]!.length > BODY_BUDGET) continue;
    chosen.add(i);
  }
  let text = [...chosen]
    .sort((a, b) => a - b)
    .map((i) => sentences[i]!)
    .join(" ");
  if (text.length > BODY_BUDGET + 200) text = `${text.slice(0, BODY_BUDGET).replace(/\s+\S*$/, "")}…`;
  return text;
}
