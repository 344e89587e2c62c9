import type { BaseRetriever } from "@langchain/core/retrievers";
import { EnsembleRetriever } from "@langchain/classic/retrievers/ensemble";
import { createEmbeddings, embeddingIdentity } from "../embeddings/select-embeddings.js";
import {
  MissingIndexError,
  assertSameEmbedding,
  indexDirOf,
  loadVectorStore,
  readIndexContents,
} from "../ingest/index-files.js";
import type { KnowledgeOptions, Section } from "../types.js";
import { VietnameseBM25Retriever } from "./bm25-retriever.js";
import { CorpusStats } from "./corpus-stats.js";
import { DenseRetriever } from "./dense-retriever.js";
import { questionCoverage, type QuestionProfile, profileQuestion } from "./coverage.js";
import { sectionTerms } from "./search-text.js";

/**
 * Hybrid retrieval over the ingested sections: BM25 on Vietnamese search terms and dense vectors in
 * HNSW, fused by LangChain's EnsembleRetriever (weighted reciprocal-rank fusion), then each hit is
 * scored by how much of the question it covers, which is what answer confidence is based on.
 */

/** Candidates taken from each retriever before fusion. */
const CANDIDATES = 20;
/** BM25 is the sharper signal for short lexical questions; dense vectors add recall (and meaning with an endpoint). */
const WEIGHTS = [0.6, 0.4];

export interface SearchHit {
  section: Section;
  /** Position after fusion, from 0. */
  rank: number;
  /** 0..1 share of the question's weighted terms the section contains. */
  coverage: number;
  /** Ranking score: fusion score blended with coverage, normalised so the best hit is 1. */
  score: number;
}

export interface KnowledgeIndex {
  sections: Section[];
  stats: CorpusStats;
  section(id: string): Section | undefined;
  search(question: string, limit?: number): Promise<SearchHit[]>;
}

export async function openKnowledgeIndex(options: KnowledgeOptions): Promise<KnowledgeIndex> {
  const indexDir = indexDirOf(options);
  const contents = await readIndexContents(indexDir);
  if (!contents) throw new MissingIndexError(indexDir);
  assertSameEmbedding(indexDir, contents.manifest, embeddingIdentity(options.openai));
  const { sections } = contents;
  const termLists = sections.map(sectionTerms);
  const termSets = termLists.map((terms) => new Set(terms));
  const stats = new CorpusStats(termLists);
  const byId = new Map(sections.map((s, i) => [s.id, i]));
  const embeddings = createEmbeddings(options.openai, (term) => stats.idf(term));
  const store = await loadVectorStore(indexDir, embeddings);

  const bm25 = new VietnameseBM25Retriever({ sections, termLists, stats, k: CANDIDATES });
  const retrievers: BaseRetriever[] = [bm25];
  if (store) retrievers.push(new DenseRetriever({ store, k: CANDIDATES }));
  const ensemble = new EnsembleRetriever({ retrievers, weights: WEIGHTS.slice(0, retrievers.length) });

  return {
    sections,
    stats,
    section: (id) => {
      const i = byId.get(id);
      return i === undefined ? undefined : sections[i];
    },
    async search(question, limit = 8) {
      const documents = await ensemble.invoke(question);
      const profile: QuestionProfile = profileQuestion(question, stats);
      const candidates = documents.flatMap((doc, rank) => {
        const i = byId.get(String(doc.metadata.sectionId));
        if (i === undefined) return [];
        const coverage = questionCoverage(profile, termSets[i]!);
        // Rank fusion orders candidates; coverage separates a real answer from a near miss.
        return [{ section: sections[i]!, rank, coverage, raw: 1 / (rank + 3) + coverage }];
      });
      candidates.sort((a, b) => b.raw - a.raw);
      const best = candidates[0]?.raw ?? 1;
      return candidates
        .slice(0, limit)
        .map(({ raw, ...hit }, rank) => ({ ...hit, rank, score: Math.round((raw / best) * 1000) / 1000 }));
    },
  };
}
