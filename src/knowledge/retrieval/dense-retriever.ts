import { Document } from "@langchain/core/documents";
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import type { HNSWLib } from "@langchain/community/vectorstores/hnswlib";

/**
 * Nearest sections in the HNSW vector store, with their cosine similarity in `metadata.similarity`. A question made only of words the corpus never saw
 * embeds (lexically) to a zero vector, whose cosine distance is undefined: it retrieves nothing.
 */
export interface DenseRetrieverInput extends BaseRetrieverInput {
  store: HNSWLib;
  k: number;
}

export class DenseRetriever extends BaseRetriever {
  lc_namespace = ["tro-ly-htx", "knowledge", "dense"];
  private readonly store: HNSWLib;
  private readonly k: number;

  constructor(input: DenseRetrieverInput) {
    super(input);
    this.store = input.store;
    this.k = input.k;
  }

  override async _getRelevantDocuments(question: string): Promise<Document[]> {
    return this.searchVector(await this.store.embeddings.embedQuery(question));
  }

  /** The nearest sections to a question's vector already embedded. */
  async searchVector(vector: number[]): Promise<Document[]> {
    if (!vector.some((v) => v !== 0)) return [];
    const k = Math.min(this.k, this.store.index.getCurrentCount());
    const results = await this.store.similaritySearchVectorWithScore(vector, k);
    // hnswlib's cosine space returns 1 - cosine similarity as the distance.
    return results.map(
      ([doc, distance]) =>
        new Document({ pageContent: doc.pageContent, metadata: { ...doc.metadata, similarity: 1 - distance } }),
    );
  }
}
