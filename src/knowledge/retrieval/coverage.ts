import { searchTerms } from "../text/search-terms.js";
import type { CorpusStats } from "./corpus-stats.js";

/**
 * How much of a question a section covers: the idf-weighted share of the question's syllables and
 * syllable pairs found in the section. Words no section contains count with the weight of a rare
 * word, so "giá lúa hôm nay" scores low even if "lúa" appears somewhere.
 */

/** Pairs say more than single syllables ("phap nhan" vs "phap"), but single syllables carry recall. */
const BIGRAM_WEIGHT = 0.6;

export interface QuestionProfile {
  weights: Map<string, number>;
  total: number;
}

export function profileQuestion(question: string, stats: CorpusStats): QuestionProfile {
  const weights = new Map<string, number>();
  for (const term of searchTerms(question, { accents: false })) {
    const idf = stats.idf(term) ?? stats.unseenIdf;
    weights.set(term, idf * (term.includes("_") ? BIGRAM_WEIGHT : 1));
  }
  let total = 0;
  for (const w of weights.values()) total += w;
  return { weights, total };
}

export function questionCoverage(profile: QuestionProfile, sectionTerms: ReadonlySet<string>): number {
  if (profile.total === 0) return 0;
  let covered = 0;
  for (const [term, weight] of profile.weights) if (sectionTerms.has(term)) covered += weight;
  return covered / profile.total;
}

/**
 * `questionCoverage` of every section at once, from an inverted index (the sections containing a
 * term) instead of one term set per section: the same sums, added in the same order.
 */
export function coverageOfSections(
  profile: QuestionProfile,
  sectionsWith: (term: string) => ArrayLike<number>,
  sectionCount: number,
): Float64Array {
  const covered = new Float64Array(sectionCount);
  if (profile.total === 0) return covered;
  for (const [term, weight] of profile.weights) {
    const docs = sectionsWith(term);
    for (let p = 0; p < docs.length; p += 1) {
      const doc = docs[p]!;
      covered[doc] = covered[doc]! + weight;
    }
  }
  for (let i = 0; i < sectionCount; i += 1) covered[i] = covered[i]! / profile.total;
  return covered;
}
