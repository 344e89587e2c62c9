import { readFile } from "node:fs/promises";
import { containsPhrase, foldVietnamese } from "../../lib/vietnamese.js";
import type { Answer, AnswerSource } from "../types.js";

/**
 * Scores answers against question sets in the format of shared/eval/dev.jsonl (see the README next
 * to it): citation hit@5, fact accuracy on `expect_any`, decline accuracy, answer length.
 */

export interface EvalCase {
  id: string;
  question: string;
  expect_any: string[];
  cite: { doc: string; article: number | string | null } | null;
  kind: string;
}

export interface EvalResultLine {
  id: string;
  answer: string;
  declined: boolean;
  /** The answer said it may not fit the question and offered topics and an officer. */
  hedged: boolean;
  sources: Array<Pick<AnswerSource, "doc" | "article" | "title" | "score" | "status">>;
}

export interface CaseScore {
  id: string;
  /** null when the case expects no citation (out of scope). */
  citationHit: boolean | null;
  factHit: boolean;
  declineCorrect: boolean;
  /**
   * Answered without declining or hedging, yet wrong: an out-of-scope question answered, or an
   * in-scope one with the wrong fact or no right citation in the top 5.
   */
  confidentWrong: boolean;
  length: number;
}

export interface EvalSummary {
  cases: number;
  hitAt5: number;
  factAccuracy: number;
  declineAccuracy: number;
  confidentWrong: number;
  medianAnswerChars: number;
}

/**
 * Amendments the dev-set README accepts in place of the amended article: answers citing
 * NĐ 156/2025 count for NĐ 55/2015 Điều 9.
 */
const ACCEPTED_AMENDMENTS: Record<string, string[]> = { "55 2015 nd cp#9": ["156 2025 nd cp"] };

const docKey = (doc: string) => foldVietnamese(doc);
const articleKey = (article: number | string | null) => (article === null ? null : foldVietnamese(String(article)));

export async function loadCases(path: string): Promise<EvalCase[]> {
  const text = await readFile(path, "utf8");
  return text
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalCase);
}

export function citationMatches(
  cite: NonNullable<EvalCase["cite"]>,
  source: Pick<AnswerSource, "doc" | "article">,
): boolean {
  const wantedArticle = articleKey(cite.article);
  const amendments = ACCEPTED_AMENDMENTS[`${docKey(cite.doc)}#${wantedArticle}`] ?? [];
  if (amendments.includes(docKey(source.doc))) return true;
  if (docKey(source.doc) !== docKey(cite.doc)) return false;
  return wantedArticle === null || articleKey(source.article) === wantedArticle;
}

export function scoreCase(
  testCase: EvalCase,
  answer: Pick<Answer, "answer" | "declined" | "sources" | "hedged">,
): CaseScore {
  const shouldDecline = testCase.kind === "out_of_scope";
  const citationHit = testCase.cite ? answer.sources.slice(0, 5).some((s) => citationMatches(testCase.cite!, s)) : null;
  const factHit = testCase.expect_any.some((phrase) => containsPhrase(answer.answer, phrase));
  const confident = !answer.declined && !answer.hedged;
  return {
    id: testCase.id,
    citationHit,
    factHit,
    declineCorrect: answer.declined === shouldDecline,
    confidentWrong: confident && (shouldDecline || !factHit || citationHit === false),
    length: answer.answer.length,
  };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const share = (flags: boolean[]) => (flags.length === 0 ? 1 : flags.filter(Boolean).length / flags.length);

export function summarize(scores: CaseScore[]): EvalSummary {
  const cited = scores.flatMap((s) => (s.citationHit === null ? [] : [s.citationHit]));
  return {
    cases: scores.length,
    hitAt5: share(cited),
    factAccuracy: share(scores.map((s) => s.factHit)),
    declineAccuracy: share(scores.map((s) => s.declineCorrect)),
    confidentWrong: scores.filter((s) => s.confidentWrong).length,
    medianAnswerChars: median(scores.map((s) => s.length)),
  };
}

function resultLine(testCase: EvalCase, answer: Answer): EvalResultLine {
  return {
    id: testCase.id,
    answer: answer.answer,
    declined: answer.declined,
    hedged: answer.hedged === true,
    sources: answer.sources.map(({ doc, article, title, score, status }) => ({ doc, article, title, score, status })),
  };
}

export interface EvaluationRun {
  lines: EvalResultLine[];
  scores: CaseScore[];
  summary: EvalSummary;
}

/** Asks every question in order and scores the answers. */
export async function evaluate(
  answer: (question: string) => Promise<Answer>,
  cases: EvalCase[],
): Promise<EvaluationRun> {
  const lines: EvalResultLine[] = [];
  const scores: CaseScore[] = [];
  for (const testCase of cases) {
    const result = await answer(testCase.question);
    lines.push(resultLine(testCase, result));
    scores.push(scoreCase(testCase, result));
  }
  return { lines, scores, summary: summarize(scores) };
}
