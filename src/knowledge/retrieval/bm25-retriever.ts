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

interface Posting {
  doc: number;
  tf: number;
}

export interface VietnameseBM25RetrieverInput extends BaseRetrieverInput {
  sections: Section[];
  termLists: string[][];
  stats: CorpusStats;
  k: number;
}

export class VietnameseBM25Retriever extends BaseRetriever {
  lc_namespace = ["tro-ly-htx", "knowledge", "bm25"];
  private readonly postings = new Map<string, Posting[]>();
  private readonly lengths: number[];
  private readonly averageLength: number;
  private readonly documents: Document[];
  private readonly stats: CorpusStats;
  private readonly k: number;

  constructor(input: VietnameseBM25RetrieverInput) {
    super(input);
    this.stats = input.stats;
    this.k = input.k;
    this.documents = input.sections.map(
      (section) => new Document({ pageContent: searchText(section), metadata: { sectionId: section.id } }),
    );
    this.lengths = input.termLists.map((terms) => terms.length);
    this.averageLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, this.lengths.length);
    input.termLists.forEach((terms, doc) => {
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, tf] of counts) {
        const list = this.postings.get(term) ?? [];
        list.push({ doc, tf });
        this.postings.set(term, list);
      }
    });
  }

  /** `termsOf` picks the field(s) to index; by default the whole section with the heading weighted. */
  static fromSections(
    sections: Section[],
    k: number,
    termsOf: (section: Section) => string[] = sectionTerms,
  ): VietnameseBM25Retriever {
    const termLists = sections.map(termsOf);
    return new VietnameseBM25Retriever({ sections, termLists, stats: new CorpusStats(termLists), k });
  }

  /** Section index -> BM25 score, for every section sharing a term with the question. */
  score(question: string): Map<number, number> {
    const scores = new Map<number, number>();
    for (const term of new Set(searchTerms(question))) {
      const idf = this.stats.idf(term);
      const list = this.postings.get(term);
      if (!idf || !list) continue;
      for (const { doc, tf } of list) {
        const norm = tf + K1 * (1 - B + (B * this.lengths[doc]!) / this.averageLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (K1 + 1)) / norm);
      }
    }
    return scores;
  }

  override async _getRelevantDocuments(question: string): Promise<Document[]> {
    return [...this.score(question)]
      .sort((a, b) => b[1] - a[1])
      .slice(0, this.k)
      .map(([doc]) => this.documents[doc]!);
  }
}
