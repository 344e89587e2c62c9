/**
 * Evaluates answers on a question set: `npm run eval -- --file <questions.jsonl> --out <results.jsonl>`.
 * Default file: ../shared/eval/dev.jsonl. Prints citation hit@5, fact accuracy, decline accuracy and
 * median answer length, and lists the cases that missed.
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { createKnowledgeService, ensureIndex, knowledgeOptionsFromEnv } from "../src/knowledge/index.js";
import { evaluate, loadCases } from "../src/knowledge/eval/evaluate.js";

const { values } = parseArgs({ options: { file: { type: "string" }, out: { type: "string" } } });
const file = resolve(values.file ?? "../shared/eval/dev.jsonl");
if (!existsSync(file)) {
  console.error(`Question file not found: ${file} (use --file <questions.jsonl>)`);
  process.exit(2);
}

const logger = pino({ level: "warn" }, pino.destination(2));
const options = knowledgeOptionsFromEnv(process.env, process.cwd(), logger);
await ensureIndex(options);
const service = await createKnowledgeService(options);
const cases = await loadCases(file);
const run = await evaluate((question) => service.answer(question), cases);

if (values.out) await writeFile(values.out, run.lines.map((line) => JSON.stringify(line)).join("\n") + "\n");
for (const score of run.scores) {
  const misses = [
    score.citationHit === false ? "citation" : "",
    score.factHit ? "" : "fact",
    score.declineCorrect ? "" : "decline",
  ].filter(Boolean);
  if (misses.length > 0) console.log(`miss ${score.id}: ${misses.join(", ")}`);
}
const { summary } = run;
console.log(`questions=${summary.cases}`);
console.log(`citation hit@5=${summary.hitAt5.toFixed(3)}`);
console.log(`fact accuracy=${summary.factAccuracy.toFixed(3)}`);
console.log(`decline accuracy=${summary.declineAccuracy.toFixed(3)}`);
console.log(`median answer chars=${summary.medianAnswerChars}`);
