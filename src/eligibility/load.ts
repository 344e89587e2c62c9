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
import { programmeExpressions, questionTests } from "./logic.js";
import { programmeSchema, questionsFileSchema, type Expr, type Question } from "./schema.js";
import type { LoadedRules, Programme } from "./types.js";

export const QUESTIONS_FILE = "questions.yaml";

export class RulesError extends Error {
  constructor(readonly issues: string[]) {
    super(issues.join("\n"));
    this.name = "RulesError";
  }
}

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
  for (const issue of result.error.issues)
    issues.push(`${file}: ${formatPath(issue.path) || "(file)"}: ${issue.message}`);
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

function checkReferences(p: Programme, questions: ReadonlyMap<string, Question>): string[] {
  const issues: string[] = [];
  for (const [path, expr] of programmeExpressions(p)) {
    for (const [testPath, test] of questionTests(expr, path)) {
      const question = questions.get(test.question!);
      const problem = question ? testProblem(test, question) : `unknown question "${test.question}"`;
      if (problem) issues.push(`${p.file}: ${formatPath(question ? testPath : [...testPath, "question"])}: ${problem}`);
    }
  }
  return issues;
}

export function loadProgrammes(dir: string): LoadedRules {
  const issues: string[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort();
  const hash = createHash("sha256");
  for (const f of files) hash.update(`${f}\0${readFileSync(join(dir, f), "utf8")}\0`);

  const questionList = readYaml(join(dir, QUESTIONS_FILE), questionsFileSchema, issues)?.questions;
  // Without the questions every reference would be reported as unknown: show the real error only.
  if (!questionList) throw new RulesError(issues);
  const questionById = new Map(questionList.map((q) => [q.id, q]));
  if (questionById.size !== questionList.length)
    issues.push(`${join(dir, QUESTIONS_FILE)}: questions: duplicate question id`);

  const programmes: Programme[] = [];
  for (const name of files.filter((f) => f !== QUESTIONS_FILE)) {
    const file = join(dir, name);
    const data = readYaml(file, programmeSchema, issues);
    if (!data) continue;
    const programme: Programme = { ...data, file };
    if (programmes.some((other) => other.id === data.id))
      issues.push(`${file}: id: duplicate programme id "${data.id}"`);
    issues.push(...checkReferences(programme, questionById));
    programmes.push(programme);
  }
  if (issues.length > 0) throw new RulesError(issues);
  return { programmes, questions: questionList, questionById, version: hash.digest("hex").slice(0, 12) };
}
