/**
 * Reads and checks knowledge/programmes/: questions.yaml plus one programme per other *.yaml.
 * Any problem throws RulesError listing "file: field.path: message" lines, so an officer's typo
 * stops the bot at start-up (and in CI) instead of giving farmers wrong answers.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import { COMMUNE_KINDS } from "./answers.js";
import { questionTests } from "./logic.js";
import { programmeSchema, questionsFileSchema, type Expr, type Question } from "./schema.js";
import type { LoadedRules, Programme } from "./types.js";

export const QUESTIONS_FILE = "questions.yaml";

export class RulesError extends Error {
  constructor(readonly issues: string[]) {
    super(issues.join("\n"));
    this.name = "RulesError";
  }
}

type Path = (string | number)[];

/** ["conditions", 2, "when", "question"] → "conditions[2].when.question". */
function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("");
}

function readYaml<T>(file: string, schema: z.ZodType<T>, issues: string[]): T | undefined {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (error) {
    issues.push(`${file}: ${(error as Error).message.split("\n")[0]!.replace(/:$/, "")}`);
    return undefined;
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) issues.push(`${file}: ${formatPath(issue.path) || "(file)"}: ${issue.message}`);
  return undefined;
}

/** Why a question test does not fit its question, or undefined when it does. */
function testProblem(test: Expr, question: Question): string | undefined {
  const values = test.in ?? (test.equals !== undefined ? [test.equals] : []);
  const usesRange = test.min !== undefined || test.max !== undefined;
  switch (question.type) {
    case "yes_no":
      return typeof test.equals === "boolean" ? undefined : `${question.id} is yes_no: use equals: true or false`;
    case "number":
      return usesRange ? undefined : `${question.id} is a number: use min and/or max`;
    case "choice":
    case "commune": {
      const allowed: readonly string[] = question.type === "choice" ? question.options.map((o) => o.id) : COMMUNE_KINDS;
      if (usesRange) return `${question.id} is ${question.type}: use equals or in`;
      const wrong = values.find((v) => !allowed.includes(String(v)));
      return wrong === undefined ? undefined : `"${String(wrong)}" is not one of ${question.id}: ${allowed.join(", ")}`;
    }
  }
}

/** Every expression in a programme with its field path. */
function expressions(p: Programme): [Path, Expr][] {
  const found: [Path, Expr][] = p.show_if ? [[["show_if"], p.show_if]] : [];
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

/** Path of each question test inside an expression, for error messages. */
function testsWithPaths(expr: Expr, path: Path): [Path, Expr][] {
  if (expr.question !== undefined) return [[path, expr]];
  const key = expr.all ? "all" : expr.any ? "any" : "not";
  if (expr.not) return testsWithPaths(expr.not, [...path, "not"]);
  return (expr[key] as Expr[]).flatMap((e, i) => testsWithPaths(e, [...path, key, i]));
}

function checkReferences(p: Programme, questions: ReadonlyMap<string, Question>): string[] {
  const issues: string[] = [];
  for (const [path, expr] of expressions(p)) {
    for (const [testPath, test] of testsWithPaths(expr, path)) {
      const question = questions.get(test.question!);
      const problem = question ? testProblem(test, question) : `unknown question "${test.question}"`;
      if (problem) issues.push(`${p.file}: ${formatPath(question ? testPath : [...testPath, "question"])}: ${problem}`);
    }
  }
  return issues;
}

export function loadProgrammes(dir: string): LoadedRules {
  const issues: string[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
  const hash = createHash("sha256");
  for (const f of files) hash.update(`${f}\0${readFileSync(join(dir, f), "utf8")}\0`);

  const questionList = readYaml(join(dir, QUESTIONS_FILE), questionsFileSchema, issues)?.questions;
  // Without the questions every reference would be reported as unknown: show the real error only.
  if (!questionList) throw new RulesError(issues);
  const questionById = new Map(questionList.map((q) => [q.id, q]));
  if (questionById.size !== questionList.length) issues.push(`${join(dir, QUESTIONS_FILE)}: questions: duplicate question id`);

  const programmes: Programme[] = [];
  for (const name of files.filter((f) => f !== QUESTIONS_FILE)) {
    const file = join(dir, name);
    const data = readYaml(file, programmeSchema, issues);
    if (!data) continue;
    const programme: Programme = { ...data, file, questionIds: [] };
    if (programmes.some((other) => other.id === data.id)) issues.push(`${file}: id: duplicate programme id "${data.id}"`);
    issues.push(...checkReferences(programme, questionById));
    const used = new Set(expressions(programme).flatMap(([, e]) => questionTests(e).map((t) => t.question!)));
    programme.questionIds = questionList.map((q) => q.id).filter((id) => used.has(id));
    programmes.push(programme);
  }
  if (issues.length > 0) throw new RulesError(issues);
  return { programmes, questions: questionList, questionById, version: hash.digest("hex").slice(0, 12) };
}
