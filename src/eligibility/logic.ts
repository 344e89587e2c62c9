/** Three-valued evaluation of rule expressions over the farmer's answers. */
import { communeKind } from "./answers.js";
import type { Expr, ProgrammeData, Question } from "./schema.js";
import type { Answers, Tri } from "./types.js";

const tri = (b: boolean): Tri => (b ? "yes" : "no");

/** Kleene AND over the results: one "no" decides, otherwise any "unknown" stays unknown. */
export function allOf(values: Tri[]): Tri {
  if (values.includes("no")) return "no";
  return values.includes("unknown") ? "unknown" : "yes";
}

export function anyOf(values: Tri[]): Tri {
  if (values.includes("yes")) return "yes";
  return values.includes("unknown") ? "unknown" : "no";
}

const negate = (value: Tri): Tri => (value === "yes" ? "no" : value === "no" ? "yes" : "unknown");

function testQuestion(expr: Expr, answers: Answers, questions: ReadonlyMap<string, Question>): Tri {
  const answer = answers[expr.question!];
  if (answer === undefined || answer === "unknown") return "unknown";
  const value = questions.get(expr.question!)?.type === "commune" ? communeKind(String(answer)) : answer;
  if (value === undefined) return "unknown";
  if (expr.equals !== undefined) return tri(value === expr.equals);
  if (expr.in) return tri(expr.in.includes(String(value)));
  const n = Number(value);
  return tri((expr.min === undefined || n >= expr.min) && (expr.max === undefined || n <= expr.max));
}

export function evaluateExpr(expr: Expr, answers: Answers, questions: ReadonlyMap<string, Question>): Tri {
  if (expr.all) return allOf(expr.all.map((e) => evaluateExpr(e, answers, questions)));
  if (expr.any) return anyOf(expr.any.map((e) => evaluateExpr(e, answers, questions)));
  if (expr.not) return negate(evaluateExpr(expr.not, answers, questions));
  return testQuestion(expr, answers, questions);
}

/** Where an expression sits, e.g. ["conditions", 2, "when", "any", 0]; for error messages. */
export type ExprPath = (string | number)[];

/** Every question test inside an expression, depth first, each with its path under `path`. */
export function questionTests(expr: Expr, path: ExprPath = []): [ExprPath, Expr][] {
  if (expr.question !== undefined) return [[path, expr]];
  if (expr.not) return questionTests(expr.not, [...path, "not"]);
  const key = expr.all ? "all" : "any";
  return (expr[key] ?? []).flatMap((e, i) => questionTests(e, [...path, key, i]));
}

/**
 * Every expression in a programme with its field path: show_if, conditions (when, applies_if),
 * benefit cases and values, and the `when` of documents and places to apply.
 */
export function programmeExpressions(p: ProgrammeData): [ExprPath, Expr][] {
  const found: [ExprPath, Expr][] = p.show_if ? [[["show_if"], p.show_if]] : [];
  p.conditions.forEach((c, i) => {
    found.push([["conditions", i, "when"], c.when]);
    if (c.applies_if) found.push([["conditions", i, "applies_if"], c.applies_if]);
  });
  p.benefits.forEach((b, i) =>
    b.cases.forEach((k, j) => {
      if (k.when) found.push([["benefits", i, "cases", j, "when"], k.when]);
      k.values.forEach((v, n) => v.when && found.push([["benefits", i, "cases", j, "values", n, "when"], v.when]));
    }),
  );
  for (const key of ["documents", "where_to_apply"] as const) {
    p[key].forEach((item, i) => typeof item !== "string" && found.push([[key, i, "when"], item.when]));
  }
  return found;
}
