import { createEmbeddings, embeddingIdentity } from "../embeddings/select-embeddings.js";
import {
  MissingIndexError,
  assertSameEmbedding,
  indexDirOf,
  loadVectorStore,
  readIndexSections,
} from "../ingest/index-files.js";
import type { KnowledgeOptions, Section } from "../types.js";
import { VietnameseBM25Retriever } from "./bm25-retriever.js";
import { CorpusStats } from "./corpus-stats.js";
import { DenseRetriever } from "./dense-retriever.js";
import type { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { coverageOfSections, profileQuestion, type QuestionProfile } from "./coverage.js";
import { headingTerms, searchText, sectionTerms } from "./search-text.js";
import { entityFactor, namedEntities, sectionEntities } from "../text/entities.js";
import { foldVietnamese } from "../../lib/vietnamese.js";
import { searchTerms } from "../text/search-terms.js";

/**
 * Hybrid retrieval in two stages. Candidates: the union of the top sections of three retrievers,
 * dense vectors in LangChain's HNSWLib (`DenseRetriever`), BM25 on whole sections and BM25 on
 * headings + keywords. Ranking (the fusion, done here explicitly instead of by EnsembleRetriever,
 * whose reciprocal-rank order the ranking replaced anyway): each candidate scores the sum of its
 * normalised BM25 scores, its dense similarity and how much of the question it covers, times a
 * factor when it is about other entities than the question names (tổ hợp tác vs hợp tác xã) or
 * narrower than the question (see `entityFactor`), and times EXPIRED_FACTOR when its main source
 * has expired and the question does not ask for it. Each score is computed once per question.
 * Coverage is also the answer's confidence.
 */

/** Candidates taken from each retriever. */
const CANDIDATES = 20;
/** Headings are farmer-style questions: a strong hint, but short, so it counts half. */
const HEADING_WEIGHT = 0.5;
/**
 * Official texts are the second tier: our guides answer in plain words and rank first; a legal
 * passage wins only when it fits the question clearly better than every guide section.
 */
const LEGAL_TIER_FACTOR = 0.85;
/** An expired source ranks below the law in force unless the question asks for it. */
const EXPIRED_FACTOR = 0.8;
/** Questions about how things were: "trước đây", "mức cũ", "hồi trước", "năm 2022". */
const ASKS_ABOUT_PAST =
  /\b(truoc day|truoc kia|hoi truoc|luc truoc|ngay truoc|ho truoc|thoi truoc|truoc (nam|ngay|thang|khi|2\d{3})|nam (19|20)\d{2}|(muc|quy dinh|luat|ban|nghi dinh|chinh sach|van ban|lai suat|che do)( \w+){0,2} cu|da het hieu luc|con hieu luc)\b/;

/** Scores divided by the best one, so BM25 scores of different fields can be added. */
function normalised(scores: Map<number, number>): Map<number, number> {
  const max = Math.max(0, ...scores.values());
  return max > 0 ? new Map([...scores].map(([i, v]) => [i, v / max])) : scores;
}

/** The `k` best-scored section indexes. */
function top(scores: Map<number, number>, k: number): number[] {
  return [...scores]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([i]) => i);
}

/** "116/2018/NĐ-CP" is named by "116/2018" or "nghị định 116" (folded: "116 2018", "nghi dinh 116"). */
function namesDocument(foldedQuestion: string, doc: string): boolean {
  const [number, year] = foldVietnamese(doc).split(" ");
  if (!number || !/^\d+$/.test(number)) return false;
  if (year && new RegExp(`\\b${number} ${year}\\b`).test(foldedQuestion)) return true;
  return new RegExp(`\\b(nghi dinh|nd|luat|quyet dinh|qd|thong tu|tt|nghi quyet|nq|so) ${number}\\b`).test(
    foldedQuestion,
  );
}

/** True when a question asks how things were ("trước đây", "mức cũ", "năm 2022"). */
export function asksAboutPast(question: string): boolean {
  return /(^|[^\p{L}])cũ($|[^\p{L}])/iu.test(question) || ASKS_ABOUT_PAST.test(foldVietnamese(question));
}

/**
 * ×EXPIRED_FACTOR for a section whose main source expired, unless the question asks for the past or
 * names it; a question about the past ranks sections that cite an expired rule (the old value) higher.
 */
export function expiredFactor(question: string, section: Section, past = asksAboutPast(question)): number {
  if (past && section.citations.some((c) => c.status === "expired")) return 1 / EXPIRED_FACTOR;
  const main = section.citations[0];
  if (main?.status !== "expired") return 1;
  if (past || namesDocument(foldVietnamese(question), main.doc)) return 1;
  return EXPIRED_FACTOR;
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
  /** `profile` is `profileQuestion(question, stats)` when the caller already has it. */
  search(question: string, limit?: number, profile?: QuestionProfile): Promise<SearchHit[]>;
  /**
   * The same index plus sections that live outside the knowledge files (officers' published FAQ
   * entries): they are searched like the others, their vectors kept in memory next to the store.
   * Replaces the extras of an earlier call; the files are not read again.
   */
  withExtraSections(extra: Section[]): Promise<KnowledgeIndex>;
}

export async function openKnowledgeIndex(options: KnowledgeOptions): Promise<KnowledgeIndex> {
  const indexDir = indexDirOf(options);
  const contents = await readIndexSections(indexDir);
  if (!contents) throw new MissingIndexError(indexDir);
  assertSameEmbedding(indexDir, contents.manifest, embeddingIdentity(options.openai));
  // The idf the embeddings weigh questions with follows the corpus of the index in use.
  let idfOfCorpus: (term: string) => number | undefined = () => undefined;
  const embeddings = await createEmbeddings(options.openai, (term) => idfOfCorpus(term));
  const store = await loadVectorStore(indexDir, embeddings);
  const build = async (extra: Section[]): Promise<KnowledgeIndex> => {
    const extraVectors = extra.length > 0 ? await embeddings.embedDocuments(extra.map(searchText)) : [];
    const index = searchIndex([...contents.sections, ...extra], store, extra, extraVectors);
    idfOfCorpus = (term) => index.stats.idf(term);
    return { ...index, withExtraSections: build };
  };
  return build([]);
}

/** Cosine similarity of two vectors (the stored ones are L2-normalised, a question's may not be). */
function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

function searchIndex(
  sections: Section[],
  store: HNSWLib | null,
  extra: Section[],
  extraVectors: number[][],
): Omit<KnowledgeIndex, "withExtraSections"> {
  const termLists = sections.map(sectionTerms);
  const entities = sections.map((s) => sectionEntities(s.heading, s.topicTitle));
  const stats = new CorpusStats(termLists);
  const byId = new Map(sections.map((s, i) => [s.id, i]));
  const sectionBm25 = new VietnameseBM25Retriever({ sections, termLists, stats, k: CANDIDATES });
  const headingBm25 = VietnameseBM25Retriever.fromSections(sections, CANDIDATES, headingTerms);
  const dense = store ? new DenseRetriever({ store, k: CANDIDATES }) : null;

  /** Similarity of the question to the extra sections: a handful of vectors, compared one by one. */
  function extraSimilarity(vector: number[], similarity: Map<number, number>): void {
    extra.forEach((section, i) => {
      const value = cosine(vector, extraVectors[i]!);
      if (value > 0) similarity.set(byId.get(section.id)!, value);
    });
  }

  return {
    sections,
    stats,
    section: (id) => {
      const i = byId.get(id);
      return i === undefined ? undefined : sections[i];
    },
    async search(question, limit = 8, profile = profileQuestion(question, stats)) {
      // The question's vector and terms are computed once and shared by the retrievers.
      const vector = store ? await store.embeddings.embedQuery(question) : null;
      const denseDocuments = dense && vector ? await dense.searchVector(vector) : [];
      const terms = new Set(searchTerms(question));
      const sectionRaw = sectionBm25.scoreTerms(terms);
      const headingRaw = headingBm25.scoreTerms(terms);
      const similarity = new Map<number, number>();
      for (const doc of denseDocuments) {
        const i = byId.get(String(doc.metadata.sectionId));
        if (i !== undefined && !similarity.has(i)) similarity.set(i, Number(doc.metadata.similarity ?? 0));
      }
      if (vector) extraSimilarity(vector, similarity);
      const candidateIds = new Set([
        ...similarity.keys(),
        ...top(sectionRaw, CANDIDATES),
        ...top(headingRaw, CANDIDATES),
      ]);
      const sectionScores = normalised(sectionRaw);
      const headingScores = normalised(headingRaw);
      const questionEntities = namedEntities(question);
      const past = asksAboutPast(question);
      // Coverage from the section BM25's postings: they hold exactly the terms of each section.
      const coverages = coverageOfSections(profile, (term) => sectionBm25.sectionsWith(term), sections.length);
      const candidates = [...candidateIds].map((i) => {
        const coverage = coverages[i]!;
        const relevance =
          (sectionScores.get(i) ?? 0) +
          HEADING_WEIGHT * (headingScores.get(i) ?? 0) +
          (similarity.get(i) ?? 0) +
          coverage;
        const tier = sections[i]!.kind === "legal" ? LEGAL_TIER_FACTOR : 1;
        const factor =
          tier * entityFactor(questionEntities, entities[i]!) * expiredFactor(question, sections[i]!, past);
        return { section: sections[i]!, coverage, raw: relevance * factor };
      });
      candidates.sort((a, b) => b.raw - a.raw);
      const best = candidates[0]?.raw || 1;
      return candidates
        .slice(0, limit)
        .map(({ raw, ...hit }) => ({ ...hit, score: Math.round((raw / best) * 1000) / 1000 }));
    },
  };
}
