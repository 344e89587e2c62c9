/** Evaluating every programme against the farmer's answers as of a date. */
import { translator } from "../i18n/translate.js";
import { vietnamDate } from "../lib/vietnam-time.js";
import { computeBenefit } from "./benefits.js";
import { allOf, evaluateExpr, questionTests } from "./logic.js";
import type { Condition, ListItem } from "./schema.js";
import type { Answers, ConditionTrace, LoadedRules, Outcome, Programme, ProgrammeResult } from "./types.js";

/** Eligible first, so the card leads with what the farmer can use; ended last. */
const OUTCOME_ORDER: Outcome[] = ["eligible", "maybe", "doubtful", "not_eligible", "ended"];

function traceCondition(c: Condition, answers: Answers, rules: LoadedRules): ConditionTrace | undefined {
  const applies = c.applies_if ? evaluateExpr(c.applies_if, answers, rules.questionById) : "yes";
  if (applies === "no") return undefined;
  const holds = evaluateExpr(c.when, answers, rules.questionById);
  // "Only if X, then must Y": when X is unknown, Y being true still settles it.
  const outcome = applies === "yes" || holds === "yes" ? holds : "unknown";
  const tests = [c.when, ...(c.applies_if ? [c.applies_if] : [])].flatMap((e) => questionTests(e));
  const unanswered = [...new Set(tests.map(([, t]) => t.question!))].filter((q) =>
    [undefined, "unknown"].includes(answers[q] as string),
  );
  const labels = unanswered.map((q) => rules.questionById.get(q)!.label).join(", ");
  const reason =
    outcome === "yes"
      ? c.pass
      : outcome === "no"
        ? c.fail
        : (c.unknown ?? translator()("elig-reason-unknown", { labels }));
  return { id: c.id, outcome, reason, cite: c.cite, unanswered: outcome === "unknown" ? unanswered : [], note: c.note };
}

/** A failed rule that rests on an uncertain fact (has a note) only makes the result "doubtful", never a flat no. */
function outcomeOf(trace: ConditionTrace[]): Outcome {
  if (trace.some((c) => c.outcome === "no" && !c.note)) return "not_eligible";
  if (trace.some((c) => c.outcome === "no")) return "doubtful";
  return allOf(trace.map((c) => c.outcome)) === "yes" ? "eligible" : "maybe";
}

function texts(items: ListItem[], answers: Answers, rules: LoadedRules): string[] {
  return items.flatMap((item) => {
    if (typeof item === "string") return [item];
    return evaluateExpr(item.when, answers, rules.questionById) === "yes" ? [item.text] : [];
  });
}

function evaluateProgramme(p: Programme, rules: LoadedRules, answers: Answers, date: string): ProgrammeResult {
  const ended = p.effective_to !== undefined && date > p.effective_to;
  const trace = ended ? [] : p.conditions.flatMap((c) => traceCondition(c, answers, rules) ?? []);
  const outcome = ended ? "ended" : outcomeOf(trace);
  const ctx = { answers, questions: rules.questionById, date, programmeStart: p.effective_from };
  const benefits =
    outcome === "eligible" || outcome === "maybe" || outcome === "doubtful"
      ? p.benefits.flatMap((b) => computeBenefit(b, ctx) ?? [])
      : [];
  const notes = [
    ...(p.note ? [p.note] : []),
    ...trace.flatMap((c) => (c.note ? [c.note] : [])),
    ...benefits.flatMap((b) => b.notes),
  ];
  return {
    id: p.id,
    name: p.name,
    summary: p.summary,
    outcome,
    legalBasis: p.legal_basis,
    effectiveFrom: p.effective_from,
    effectiveTo: p.effective_to,
    benefits,
    trace,
    documents: ended ? [] : texts(p.documents, answers, rules),
    whereToApply: texts(p.where_to_apply, answers, rules),
    notes: [...new Set(notes)],
  };
}

/**
 * One result per programme already in force on `asOf` (programmes that start later are left
 * out; programmes past effective_to are reported as "ended") and not hidden by its show_if,
 * eligible first.
 */
export function evaluateProgrammes(rules: LoadedRules, answers: Answers, asOf: Date): ProgrammeResult[] {
  const date = vietnamDate(asOf);
  return rules.programmes
    .filter((p) => p.effective_from <= date)
    .filter((p) => !p.show_if || evaluateExpr(p.show_if, answers, rules.questionById) !== "no")
    .map((p) => evaluateProgramme(p, rules, answers, date))
    .sort((a, b) => OUTCOME_ORDER.indexOf(a.outcome) - OUTCOME_ORDER.indexOf(b.outcome));
}
