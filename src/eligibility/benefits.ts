/** Computing a programme's benefits as of a date, e.g. the unsecured-loan ceiling. */
import { evaluateExpr } from "./logic.js";
import type { Benefit, BenefitValue, Expr, Question } from "./schema.js";
import type { Answers, BenefitResult } from "./types.js";

interface Context {
  answers: Answers;
  questions: ReadonlyMap<string, Question>;
  /** YYYY-MM-DD in Vietnam time. */
  date: string;
  /** Default `from` for values without one. */
  programmeStart: string;
}

/**
 * The first row whose `when` holds. Rows whose `when` is unknown are kept as possibilities, so
 * an unanswered question yields a range ("100–200 triệu") instead of a guess.
 */
function choose<T>(rows: T[], whenOf: (row: T) => Expr | undefined, ctx: Context): { rows: T[]; certain: boolean } {
  const picked: T[] = [];
  for (const row of rows) {
    const when = whenOf(row);
    const value = when ? evaluateExpr(when, ctx.answers, ctx.questions) : "yes";
    if (value === "no") continue;
    picked.push(row);
    if (value === "yes") return { rows: picked, certain: picked.length === 1 };
  }
  return { rows: picked, certain: false };
}

/** Rows of the latest `from` on or before the date: a later law replaces the earlier value. */
function valuesInForce(values: BenefitValue[], ctx: Context): BenefitValue[] {
  const from = (v: BenefitValue) => v.from ?? ctx.programmeStart;
  const started = values.filter((v) => from(v) <= ctx.date);
  const latest = started.map(from).sort().at(-1);
  return started.filter((v) => from(v) === latest);
}

const range = (numbers: number[]) =>
  numbers.length ? { min: Math.min(...numbers), max: Math.max(...numbers) } : undefined;
const unique = <T>(items: T[]) => [...new Map(items.map((i) => [JSON.stringify(i), i])).values()];

export function computeBenefit(benefit: Benefit, ctx: Context): BenefitResult | undefined {
  const cases = choose(benefit.cases, (c) => c.when, ctx);
  let certain = cases.certain;
  const chosen = cases.rows.flatMap((c) => {
    const values = choose(valuesInForce(c.values, ctx), (v) => v.when, ctx);
    certain &&= values.certain;
    return values.rows;
  });
  if (chosen.length === 0) return undefined;
  const texts = unique(chosen.flatMap((v) => (v.text ? [v.text] : [])));
  return {
    id: benefit.id,
    label: benefit.label,
    amount: range(chosen.flatMap((v) => (v.amount ? [v.amount] : []))),
    percentOfProject: range(chosen.flatMap((v) => (v.percent_of_project ? [v.percent_of_project] : []))),
    text: texts.length ? texts.join("; ") : undefined,
    certain,
    validFrom: chosen
      .map((v) => v.from ?? ctx.programmeStart)
      .sort()
      .at(-1)!,
    cites: unique(chosen.map((v) => v.cite)),
    notes: unique(chosen.flatMap((v) => (v.note ? [v.note] : []))),
  };
}
