/**
 * Choosing what to ask next. A question is worth asking only if some answer to it would change
 * a result (an outcome or a benefit amount); everything else is skipped. Questions are asked in
 * questions.yaml order, so officers control the flow by ordering that file.
 */
import { evaluateProgrammes } from "./evaluate.js";
import { questionTests } from "./logic.js";
import type { Expr, Question } from "./schema.js";
import type { AnswerValue, Answers, LoadedRules, ProgrammeResult } from "./types.js";

/** What the farmer sees change: outcomes and benefit values, not the wording of traces. */
function fingerprint(results: ProgrammeResult[]): string {
  return JSON.stringify(
    results.map((r) => [r.id, r.outcome, r.benefits.map((b) => [b.id, b.amount, b.percentOfProject, b.text, b.certain])]),
  );
}

function allExpressions(rules: LoadedRules): Expr[] {
  return rules.programmes.flatMap((p) => [
    ...p.conditions.flatMap((c) => [c.when, ...(c.applies_if ? [c.applies_if] : [])]),
    ...p.benefits.flatMap((b) => b.cases.flatMap((k) => [k.when, ...k.values.map((v) => v.when)])),
  ]).filter((e): e is Expr => e !== undefined);
}

/** Answers that cover every distinction the rules draw for this question. */
function sampleAnswers(question: Question, rules: LoadedRules): AnswerValue[] {
  switch (question.type) {
    case "yes_no":
      return [true, false];
    case "choice":
      return question.options.map((o) => o.id);
    case "commune":
      return ["xã", "phường", "đặc khu", "thị trấn"];
    case "number": {
      const tests = allExpressions(rules).flatMap(questionTests).filter((t) => t.question === question.id);
      // Each threshold, and just either side of it, separates every band the rules use.
      const bounds = tests.flatMap((t) => [t.min, t.max]).filter((n): n is number => n !== undefined);
      return bounds.flatMap((n) => [n - 1e-6, n, n + 1e-6]);
    }
  }
}

function wouldChangeAResult(question: Question, rules: LoadedRules, answers: Answers, asOf: Date): boolean {
  const seen = new Set(
    sampleAnswers(question, rules).map((value) => fingerprint(evaluateProgrammes(rules, { ...answers, [question.id]: value }, asOf))),
  );
  return seen.size > 1;
}

/** Unasked questions that could still change some result, in asking order. */
export function relevantQuestions(rules: LoadedRules, answers: Answers, asOf: Date): Question[] {
  return rules.questions.filter((q) => answers[q.id] === undefined && wouldChangeAResult(q, rules, answers, asOf));
}

/** The next question to ask, or undefined when nothing more can change the results. */
export function nextQuestion(rules: LoadedRules, answers: Answers, asOf: Date): Question | undefined {
  return rules.questions.find((q) => answers[q.id] === undefined && wouldChangeAResult(q, rules, answers, asOf));
}

export interface Progress {
  /** Number of the question about to be asked ("Câu 3"). */
  current: number;
  /** Estimate: questions answered so far plus those that still matter ("/6"); it can shrink. */
  total: number;
}

export function progress(rules: LoadedRules, answers: Answers, asOf: Date): Progress {
  const answered = rules.questions.filter((q) => answers[q.id] !== undefined).length;
  const remaining = relevantQuestions(rules, answers, asOf).length;
  return { current: Math.min(answered + 1, answered + remaining), total: answered + remaining };
}
