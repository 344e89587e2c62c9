import { Document } from "@langchain/core/documents";
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import type { Section } from "../types.js";
import { searchTerms } from "../text/search-terms.js";
import { CorpusStats } from "./corpus-stats.js";
import { searchText, sectionTerms } from "./search-text.js";

/**
 * Okapi BM25 over Vietnamese search terms with a prebuilt inverted index, so a question costs a
 * few posting-list lookups instead of re-scoring every section (LangChain's BM25Retriever re-tokenises
 * the whole corpus on each call and splits on whitespace only).
 */

const K1 = 1.2;
const B = 0.75;

/**
 * The sections containing a term, with the term's whole BM25 contribution in each (it depends on
 * nothing else), as two parallel typed arrays: compact, and summed without boxing.
 */
interface Postings {
  docs: Int32Array;
  weights: Float64Array;
}

export interface VietnameseBM25RetrieverInput extends BaseRetrieverInput {
  sections: Section[];
  termLists: ReadonlyArray<readonly string[]>;
  stats: CorpusStats;
  k: number;
}

export class VietnameseBM25Retriever extends BaseRetriever {
  lc_namespace = ["tro-ly-htx", "knowledge", "bm25"];
  private readonly postings = new Map<string, Postings>();
  private readonly sections: Section[];
  private readonly k: number;
  /** Per-question score accumulator, reused: one slot per section. */
  private readonly sums: Float64Array;

  constructor(input: VietnameseBM25RetrieverInput) {
    super(input);
    this.k = input.k;
    this.sections = input.sections;
    this.sums = new Float64Array(input.termLists.length);
    const averageLength = input.termLists.reduce((sum, terms) => sum + terms.length, 0) / Math.max(1, input.termLists.length);
    const lists = new Map<string, { docs: number[]; weights: number[] }>();
    input.termLists.forEach((terms, doc) => {
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      const lengthNorm = K1 * (1 - B + (B * terms.length) / averageLength);
      for (const [term, tf] of counts) {
        const idf = input.stats.idf(term) ?? 0;
        let list = lists.get(term);
        if (!list) lists.set(term, (list = { docs: [], weights: [] }));
        list.docs.push(doc);
        list.weights.push((idf * tf * (K1 + 1)) / (tf + lengthNorm));
      }
    });
    for (const [term, list] of lists) {
      this.postings.set(term, { docs: Int32Array.from(list.docs), weights: Float64Array.from(list.weights) });
    }
  }

  /** `termsOf` picks the field(s) to index; by default the whole section with the heading weighted. */
  static fromSections(
    sections: Section[],
    k: number,
    termsOf: (section: Section) => readonly string[] = sectionTerms,
  ): VietnameseBM25Retriever {
    const termLists = sections.map(termsOf);
    return new VietnameseBM25Retriever({ sections, termLists, stats: new CorpusStats(termLists), k });
  }

  /** Section index -> BM25 score, for every section sharing a term with the question. */
  score(question: string): Map<number, number> {
    return this.scoreTerms(new Set(searchTerms(question)));
  }

  /** `score` for a question's distinct search terms already computed; sections in the order first scored. */
  scoreTerms(terms: Iterable<string>): Map<number, number> {
    const sums = this.sums;
    const touched: number[] = [];
    for (const term of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const { docs, weights } = list;
      for (let p = 0; p < docs.length; p += 1) {
        const doc = docs[p]!;
        if (sums[doc] === 0) touched.push(doc);
        sums[doc] = sums[doc]! + weights[p]!;
      }
    }
    const scores = new Map<number, number>();
    for (const doc of touched) {
      scores.set(doc, sums[doc]!);
      sums[doc] = 0;
    }
    return scores;
  }

  override async _getRelevantDocuments(question: string): Promise<Document[]> {
    return [...this.score(question)]
      .sort((a, b) => b[1] - a[1])
      .slice(0, this.k)
      .map(([doc]) => new Document({ pageContent: searchText(this.sections[doc]!), metadata: { sectionId: this.sections[doc]!.id } }));
  }
}
