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
import { profileQuestion, questionCoverage } from "./coverage.js";
import { headingTerms, sectionTerms } from "./search-text.js";
import { entityFactor, namedEntities, sectionEntities } from "../text/entities.js";

/**
 * Hybrid retrieval in two stages. Candidates: dense vectors in HNSW, BM25 on whole sections and
 * BM25 on headings + keywords, fused by LangChain's EnsembleRetriever (weighted reciprocal-rank
 * fusion). Ranking: each candidate is scored on the normalised BM25 scores, its dense similarity and
 * how much of the question it covers, times a factor when it is about other entities than the question
 * names (tổ hợp tác vs hợp tác xã) or narrower than the question (see `entityFactor`).
 * Coverage is also the answer's confidence.
 */

/** Candidates taken from each retriever before fusion. */
const CANDIDATES = 20;
/** Fusion weights for [dense, BM25 on sections, BM25 on headings + keywords]. */
const WEIGHTS = [0.3, 0.4, 0.3];
/** Headings are farmer-style questions: a strong hint, but short, so it counts half. */
const HEADING_WEIGHT = 0.5;
/** Scores divided by the best one, so BM25 scores of different fields can be added. */
function normalised(scores: Map<number, number>): Map<number, number> {
  const max = Math.max(0, ...scores.values());
  return max > 0 ? new Map([...scores].map(([i, v]) => [i, v / max])) : scores;
}

export interface SearchHit {
  section: Section;
  /** 0..1 share of the question's weighted terms the section contains. */
  coverage: number;
  /** Ranking score normalised so the best hit is 1. */
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
  const entities = sections.map((s) => sectionEntities(s.heading, s.topicTitle));
  const stats = new CorpusStats(termLists);
  const byId = new Map(sections.map((s, i) => [s.id, i]));
  const embeddings = createEmbeddings(options.openai, (term) => stats.idf(term));
  const store = await loadVectorStore(indexDir, embeddings);

  const sectionBm25 = new VietnameseBM25Retriever({ sections, termLists, stats, k: CANDIDATES });
  const headingBm25 = VietnameseBM25Retriever.fromSections(sections, CANDIDATES, headingTerms);
  // EnsembleRetriever keeps the first copy of a document it sees, so the dense retriever goes first
  // and its similarity (metadata.similarity) survives the fusion.
  const retrievers: BaseRetriever[] = store ? [new DenseRetriever({ store, k: CANDIDATES })] : [];
  retrievers.push(sectionBm25, headingBm25);
  const ensemble = new EnsembleRetriever({ retrievers, weights: WEIGHTS.slice(WEIGHTS.length - retrievers.length) });

  return {
    sections,
    stats,
    section: (id) => {
      const i = byId.get(id);
      return i === undefined ? undefined : sections[i];
    },
    async search(question, limit = 8) {
      const documents = await ensemble.invoke(question);
      const profile = profileQuestion(question, stats);
      const questionEntities = namedEntities(question);
      const sectionScores = normalised(sectionBm25.score(question));
      const headingScores = normalised(headingBm25.score(question));
      const candidates = documents.flatMap((doc) => {
        const i = byId.get(String(doc.metadata.sectionId));
        if (i === undefined) return [];
        const coverage = questionCoverage(profile, termSets[i]!);
        const similarity = Number(doc.metadata.similarity ?? 0);
        const relevance =
          (sectionScores.get(i) ?? 0) + HEADING_WEIGHT * (headingScores.get(i) ?? 0) + similarity + coverage;
        return [{ section: sections[i]!, coverage, raw: relevance * entityFactor(questionEntities, entities[i]!) }];
      });
      candidates.sort((a, b) => b.raw - a.raw);
      const best = candidates[0]?.raw || 1;
      return candidates
        .slice(0, limit)
        .map(({ raw, ...hit }) => ({ ...hit, score: Math.round((raw / best) * 1000) / 1000 }));
    },
  };
}
