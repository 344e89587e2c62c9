import type { QuestionProfile } from "../retrieval/coverage.js";
import { questionCoverage } from "../retrieval/coverage.js";
import { searchTerms } from "../text/search-terms.js";
import { splitSentences } from "../text/sentences.js";
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
/**
 * After that, the sentence adding the most question terms the quote does not cover yet is added when
 * it adds at least this share of the question ("bao lâu có giấy" after a lead about the file).
 */
const MIN_NEW_SHARE = 0.04;

/** The sentence, or its beginning cut after a "; " or ", " so it fits `room`; null if too little fits. */
function fitted(sentence: string, room: number): string | null {
  if (sentence.length <= room) return sentence;
  const cut = Math.max(sentence.lastIndexOf("; ", room - 1), sentence.lastIndexOf(", ", room - 1));
  return cut > room / 2 ? `${sentence.slice(0, cut)}…` : null;
}

export interface QuoteOptions {
  budget?: number;
  /** Start from the sentence matching the question best instead of the lead (used when unsure). */
  focus?: boolean;
}

export function quotePassage(section: Section, profile: QuestionProfile, options: QuoteOptions = {}): string {
  const budget = options.budget ?? BODY_BUDGET;
  const sentences = splitSentences(section.text);
  if (sentences.length === 0) return section.heading;
  const termsOf = sentences.map((s) => searchTerms(s));
  const coverage = termsOf.map((terms) => questionCoverage(profile, new Set(terms)));
  const best = Math.max(...coverage);
  const chosen = new Map<number, string>();
  const used = () => [...chosen.values()].reduce((n, s) => n + s.length + 1, 0);
  const add = (i: number) => {
    const text = i < sentences.length && !chosen.has(i) ? fitted(sentences[i]!, budget - used()) : null;
    if (text) chosen.set(i, text);
  };

  const first = options.focus ? coverage.indexOf(best) : 0;
  chosen.set(first, fitted(sentences[first]!, budget) ?? sentences[first]!.slice(0, budget));
  if (options.focus) add(0);
  else if (sentences.length > 1 && sentences[0]!.length + sentences[1]!.length < Math.min(LEAD_BUDGET, budget)) add(1);

  coverage
    .map((value, i) => ({ value, i }))
    .filter(({ value, i }) => !chosen.has(i) && value > 0 && value >= EXTRA_SHARE * best)
    .sort((a, b) => b.value - a.value)
    .slice(0, MAX_EXTRAS)
    .forEach(({ i }) => add(i));

  const covered = new Set([...chosen.keys()].flatMap((i) => termsOf[i]!));
  const gains = termsOf.map((terms, i) =>
    chosen.has(i) ? 0 : [...new Set(terms)].reduce((sum, term) => sum + (covered.has(term) ? 0 : (profile.weights.get(term) ?? 0)), 0),
  );
  const bestGain = Math.max(0, ...gains);
  if (profile.total > 0 && bestGain >= MIN_NEW_SHARE * profile.total) add(gains.indexOf(bestGain));
  return [...chosen]
    .sort((a, b) => a[0] - b[0])
    .map(([, s]) => s)
    .join(" ");
}
