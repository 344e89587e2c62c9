/**
 * Choosing what to ask next. A question is worth asking only if some answer to it would change
 * a result (an outcome or a benefit amount); everything else is skipped. Questions are asked in
 * questions.yaml order, so officers control the flow by ordering that file.
 */
import { evaluateProgrammes } from "./evaluate.js";
import { programmeExpressions, questionTests } from "./logic.js";
import type { Question } from "./schema.js";
import type { AnswerValue, Answers, LoadedRules, ProgrammeResult } from "./types.js";

/**
 * What the farmer sees change: outcomes and benefit values, not the wording of traces. For a
 * programme not yet decided against, also which of its conditions hold: one still unknown (bad debt
 * not asked yet) keeps the outcome at "maybe" whatever another answer is, yet that answer decides
 * the result once the first is known.
 */
function fingerprint(results: ProgrammeResult[]): string {
  return JSON.stringify(
    results.map((r) => [
      r.id,
      r.outcome,
      r.benefits.map((b) => [b.id, b.amount, b.percentOfProject, b.text, b.certain]),
      r.outcome === "maybe" ? r.trace.map((c) => c.outcome) : [],
    ]),
  );
}

/** Every min/max the rules compare a number question with, by question id. */
function numberThresholds(rules: LoadedRules): Map<string, number[]> {
  const thresholds = new Map<string, number[]>();
  for (const [, expr] of rules.programmes.flatMap(programmeExpressions)) {
    for (const [, test] of questionTests(expr)) {
      const bounds = [test.min, test.max].filter((n): n is number => n !== undefined);
      thresholds.set(test.question!, [...(thresholds.get(test.question!) ?? []), ...bounds]);
    }
  }
  return thresholds;
}

/** Answers that cover every distinction the rules draw for this question. */
function sampleAnswers(question: Question, thresholds: ReadonlyMap<string, number[]>): AnswerValue[] {
  switch (question.type) {
    case "yes_no":
      return [true, false];
    case "choice":
      return question.options.map((o) => o.id);
    case "commune":
      return ["xã", "phường", "đặc khu", "thị trấn"];
    case "number":
      // Each threshold, and just either side of it, separates every band the rules use.
      return (thresholds.get(question.id) ?? []).flatMap((n) => [n - 1e-6, n, n + 1e-6]);
  }
}

export interface Progress {
  /** Number of the question about to be asked ("Câu 3"). */
  current: number;
  /**
   * The most questions a check can ask ("/16"): fixed, so the counter only grows. What still matters
   * changes with each answer (12, then 14), and a total that moved read as a jump to farmers.
   */
  total: number;
}

export interface Plan {
  /** The next question to ask, or undefined when nothing more can change the results. */
  next: Question | undefined;
  /** Unasked questions that could still change some result, in asking order (`next` first). */
  remaining: Question[];
  progress: Progress;
}

/**
 * One pass over the questions: each unasked one is worth asking when two of its sample answers
 * give results that differ (outcome or benefit). The flow shows `next` with `progress`.
 */
export function plan(rules: LoadedRules, answers: Answers, asOf: Date): Plan {
  const thresholds = numberThresholds(rules);
  const resultWith = (question: Question, value: AnswerValue) =>
    fingerprint(evaluateProgrammes(rules, { ...answers, [question.id]: value }, asOf));
  const worthAsking = (question: Question): boolean => {
    const [first, ...others] = sampleAnswers(question, thresholds);
    if (first === undefined) return false;
    const firstResult = resultWith(question, first);
    return others.some((value) => resultWith(question, value) !== firstResult);
  };
  const remaining = rules.questions.filter((q) => answers[q.id] === undefined && worthAsking(q));
  const answered = rules.questions.filter((q) => answers[q.id] !== undefined).length;
  return {
    next: remaining[0],
    remaining,
    progress: { current: Math.min(answered + 1, rules.questions.length), total: rules.questions.length },
  };
}
