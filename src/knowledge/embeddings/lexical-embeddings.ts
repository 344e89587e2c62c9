import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { searchTerms } from "../text/search-terms.js";

/**
 * Offline embedding: Vietnamese search terms (folded syllables, syllable bigrams, accented
 * syllables) hashed into a fixed number of dimensions with signed feature hashing, L2-normalised.
 * Weighting follows the classic SMART "lnc.ltc" scheme: documents use log term frequency only, so a
 * stored vector never depends on the rest of the corpus (incremental ingest stays valid); questions
 * add idf from the current corpus, so rare, telling words dominate the cosine similarity.
 */

/** Bump whenever search terms change: vectors made with other terms must not be mixed. */
export const LEXICAL_MODEL = "vi-hashed-lnc-ltc-v20";
export const LEXICAL_DIMENSION = 4096;

/** Returns idf of a term, or undefined for a term the corpus never saw. */
export type IdfLookup = (term: string) => number | undefined;

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export interface LexicalEmbeddingsParams extends EmbeddingsParams {
  dimension?: number;
  idf?: IdfLookup;
}

export class LexicalEmbeddings extends Embeddings {
  readonly dimension: number;
  private readonly idf: IdfLookup | undefined;

  constructor(params: LexicalEmbeddingsParams = {}) {
    super(params);
    this.dimension = params.dimension ?? LEXICAL_DIMENSION;
    this.idf = params.idf;
  }

  private vectorize(text: string, weight: (term: string, tf: number) => number): number[] {
    const counts = new Map<string, number>();
    for (const term of searchTerms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
    const vector = new Array<number>(this.dimension).fill(0);
    for (const [term, tf] of counts) {
      const w = weight(term, tf);
      if (w === 0) continue;
      const sign = fnv1a(term, 0x9747b28c) & 1 ? 1 : -1;
      vector[fnv1a(term, 0x811c9dc5) % this.dimension]! += sign * w;
    }
    let squares = 0;
    for (const v of vector) squares += v * v;
    const norm = Math.sqrt(squares);
    return norm > 0 ? vector.map((v) => v / norm) : vector;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.vectorize(text, (_term, tf) => 1 + Math.log(tf)));
  }

  async embedQuery(text: string): Promise<number[]> {
    // Terms the corpus never saw cannot match anything; dropping them keeps the norm meaningful.
    return this.vectorize(text, (term, tf) => (1 + Math.log(tf)) * (this.idf ? (this.idf(term) ?? 0) : 1));
  }
}
