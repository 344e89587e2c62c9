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

/** A section containing a term, with the term's whole BM25 contribution there (it depends on nothing else). */
interface Posting {
  doc: number;
  weight: number;
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
  private readonly documents: Document[];
  private readonly k: number;

  constructor(input: VietnameseBM25RetrieverInput) {
    super(input);
    this.k = input.k;
    this.documents = input.sections.map(
      (section) => new Document({ pageContent: searchText(section), metadata: { sectionId: section.id } }),
    );
    const averageLength = input.termLists.reduce((sum, terms) => sum + terms.length, 0) / Math.max(1, input.termLists.length);
    input.termLists.forEach((terms, doc) => {
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      const lengthNorm = K1 * (1 - B + (B * terms.length) / averageLength);
      for (const [term, tf] of counts) {
        const idf = input.stats.idf(term) ?? 0;
        const list = this.postings.get(term) ?? [];
        list.push({ doc, weight: (idf * tf * (K1 + 1)) / (tf + lengthNorm) });
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
      for (const { doc, weight } of this.postings.get(term) ?? []) scores.set(doc, (scores.get(doc) ?? 0) + weight);
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
