import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { OpenAIOptions } from "../types.js";
import { LEXICAL_DIMENSION, LEXICAL_MODEL, LexicalEmbeddings, type IdfLookup } from "./lexical-embeddings.js";

/** Which embedding built an index; vectors of different embeddings must never be mixed. */
export interface EmbeddingIdentity {
  kind: "lexical" | "openai";
  model: string;
  /** Known up front for the lexical embedding; for an endpoint, learnt from the first vector. */
  dimension: number | null;
}

const DEFAULT_OPENAI_EMBEDDINGS_MODEL = "text-embedding-3-small";

/** An endpoint is used as soon as a key or a base URL is configured (local servers need no key). */
export function usesOpenAIEndpoint(openai: OpenAIOptions | undefined): boolean {
  return !!(openai?.apiKey || openai?.baseURL);
}

export function embeddingIdentity(openai: OpenAIOptions | undefined): EmbeddingIdentity {
  return usesOpenAIEndpoint(openai)
    ? { kind: "openai", model: openai?.embeddingsModel ?? DEFAULT_OPENAI_EMBEDDINGS_MODEL, dimension: null }
    : { kind: "lexical", model: LEXICAL_MODEL, dimension: LEXICAL_DIMENSION };
}

export function sameEmbedding(a: EmbeddingIdentity, b: EmbeddingIdentity): boolean {
  return (
    a.kind === b.kind &&
    a.model === b.model &&
    (a.dimension === null || b.dimension === null || a.dimension === b.dimension)
  );
}

export function describeEmbedding(identity: EmbeddingIdentity): string {
  return `${identity.kind}:${identity.model}${identity.dimension ? `/${identity.dimension}` : ""}`;
}

/**
 * `idf` only matters for the lexical embedding's questions (see LexicalEmbeddings). The OpenAI client
 * (about 25 MB in memory) is loaded only when an endpoint is configured.
 */
export async function createEmbeddings(
  openai: OpenAIOptions | undefined,
  idf?: IdfLookup,
): Promise<EmbeddingsInterface> {
  if (!usesOpenAIEndpoint(openai)) return new LexicalEmbeddings({ idf });
  const { OpenAIEmbeddings } = await import("@langchain/openai");
  return new OpenAIEmbeddings({
    model: openai?.embeddingsModel ?? DEFAULT_OPENAI_EMBEDDINGS_MODEL,
    // Local OpenAI-compatible servers accept any key; the client refuses to start without one.
    apiKey: openai?.apiKey ?? "not-needed",
    configuration: openai?.baseURL ? { baseURL: openai.baseURL } : undefined,
    maxRetries: 1,
  });
}
