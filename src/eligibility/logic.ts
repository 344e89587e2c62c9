/** Three-valued evaluation of rule expressions over the farmer's answers. */
import { communeKind } from "./answers.js";
import type { Expr, Question } from "./schema.js";
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

/** Every question test inside an expression, depth first. */
export function questionTests(expr: Expr): Expr[] {
  const children = expr.all ?? expr.any ?? (expr.not ? [expr.not] : []);
  return expr.question !== undefined ? [expr] : children.flatMap(questionTests);
}
