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

export interface VietnameseBM25RetrieverInput extends BaseRetrieverInput {
  sections: Section[];
  termLists: ReadonlyArray<readonly string[]>;
  stats: CorpusStats;
  k: number;
}

export class VietnameseBM25Retriever extends BaseRetriever {
  lc_namespace = ["tro-ly-htx", "knowledge", "bm25"];
  /**
   * The postings of all terms in three flat typed arrays (one object each instead of two typed arrays
   * per term): the sections containing term t are `docs[starts[n]..starts[n + 1]]` for n =
   * `termSlots.get(t)`, in section order, with the term's whole BM25 contribution in each (it depends
   * on nothing else) at the same places in `weights`.
   */
  private readonly termSlots = new Map<string, number>();
  private readonly starts: Int32Array;
  private readonly docs: Int32Array;
  private readonly weights: Float64Array;
  private readonly sections: Section[];
  private readonly k: number;
  /** Per-question score accumulator, reused: one slot per section. */
  private readonly sums: Float64Array;

  constructor(input: VietnameseBM25RetrieverInput) {
    super(input);
    this.k = input.k;
    this.sections = input.sections;
    this.sums = new Float64Array(input.termLists.length);
    const averageLength =
      input.termLists.reduce((sum, terms) => sum + terms.length, 0) / Math.max(1, input.termLists.length);
    const counts = input.termLists.map((terms) => {
      const tf = new Map<string, number>();
      for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
      return tf;
    });
    const lengths: number[] = [];
    for (const tf of counts) {
      for (const term of tf.keys()) {
        let slot = this.termSlots.get(term);
        if (slot === undefined) this.termSlots.set(term, (slot = lengths.push(0) - 1));
        lengths[slot]! += 1;
      }
    }
    this.starts = new Int32Array(lengths.length + 1);
    lengths.forEach((length, slot) => (this.starts[slot + 1] = this.starts[slot]! + length));
    this.docs = new Int32Array(this.starts[lengths.length]!);
    this.weights = new Float64Array(this.docs.length);
    const filled = this.starts.slice(0, lengths.length);
    counts.forEach((tf, doc) => {
      const lengthNorm = K1 * (1 - B + (B * input.termLists[doc]!.length) / averageLength);
      for (const [term, n] of tf) {
        const idf = input.stats.idf(term) ?? 0;
        const slot = this.termSlots.get(term)!;
        const at = filled[slot]!;
        filled[slot] = at + 1;
        this.docs[at] = doc;
        this.weights[at] = (idf * n * (K1 + 1)) / (n + lengthNorm);
      }
    });
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

  /** The sections containing `term`, in section order (a view on the postings: do not modify). */
  sectionsWith(term: string): Int32Array {
    const slot = this.termSlots.get(term);
    return slot === undefined ? this.docs.subarray(0, 0) : this.docs.subarray(this.starts[slot], this.starts[slot + 1]);
  }

  /** `score` for a question's distinct search terms already computed; sections in the order first scored. */
  scoreTerms(terms: Iterable<string>): Map<number, number> {
    const { sums, docs, weights, starts } = this;
    const touched: number[] = [];
    for (const term of terms) {
      const slot = this.termSlots.get(term);
      if (slot === undefined) continue;
      for (let p = starts[slot]!; p < starts[slot + 1]!; p += 1) {
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
      .map(
        ([doc]) =>
          new Document({
            pageContent: searchText(this.sections[doc]!),
            metadata: { sectionId: this.sections[doc]!.id },
          }),
      );
  }
}
