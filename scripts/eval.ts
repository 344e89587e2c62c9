/**
 * Evaluates answers on question sets: `npm run eval -- [--file <questions.jsonl>] [--out <results.jsonl>]`.
 * Without --file: the shared dev set (../shared/eval/dev.jsonl), our wording variants
 * (test/eval/extra.jsonl) and three paraphrase sets written from the law text by helpers who had not
 * read knowledge/ (test/eval/paraphrase.jsonl, paraphrase3.jsonl, paraphrase6.jsonl). Per set: citation
 * hit@5, fact accuracy, decline accuracy (out-of-scope handled), confident-but-wrong answers and
 * median answer length, after the list of cases that missed. --out (one set only) writes one line
 * per question: id, answer, declined, hedged, sources.
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { createKnowledgeService, ensureIndex, knowledgeOptionsFromEnv } from "../src/knowledge/index.js";
import { evaluate, loadCases } from "../src/knowledge/eval/evaluate.js";

const DEFAULT_SETS = [
  "../shared/eval/dev.jsonl",
  "test/eval/extra.jsonl",
  "test/eval/paraphrase.jsonl",
  "test/eval/paraphrase3.jsonl",
  "test/eval/paraphrase6.jsonl",
];

const { values } = parseArgs({ options: { file: { type: "string" }, out: { type: "string" } } });
const files = (values.file ? [values.file] : DEFAULT_SETS).map((f) => resolve(f));
const missing = files.filter((f) => !existsSync(f));
if (values.file && missing.length > 0) {
  console.error(`Question file not found: ${missing[0]} (use --file <questions.jsonl>)`);
  process.exit(2);
}
if (values.out && files.length > 1) {
  console.error("--out needs --file: results are written for one question set");
  process.exit(2);
}

const logger = pino({ level: "warn" }, pino.destination(2));
const options = knowledgeOptionsFromEnv(process.env, process.cwd(), logger);
await ensureIndex(options);
const service = await createKnowledgeService(options);

for (const file of files) {
  if (!existsSync(file)) {
    console.log(`\n== ${relative(process.cwd(), file)}: not found, skipped`);
    continue;
  }
  const cases = await loadCases(file);
  const run = await evaluate((question) => service.answer(question), cases);
  if (values.out) await writeFile(values.out, run.lines.map((line) => JSON.stringify(line)).join("\n") + "\n");
  console.log(`\n== ${relative(process.cwd(), file)}`);
  for (const score of run.scores) {
    const misses = [
      score.citationHit === false ? "citation" : "",
      score.factHit ? "" : "fact",
      score.declineCorrect ? "" : "decline",
      score.confidentWrong ? "CONFIDENT-WRONG" : "",
    ].filter(Boolean);
    if (misses.length > 0) console.log(`miss ${score.id}: ${misses.join(", ")}`);
  }
  const { summary } = run;
  console.log(`questions=${summary.cases}`);
  console.log(`citation hit@5=${summary.hitAt5.toFixed(3)}`);
  console.log(`fact accuracy=${summary.factAccuracy.toFixed(3)}`);
  console.log(`decline accuracy=${summary.declineAccuracy.toFixed(3)}`);
  console.log(`confident wrong=${summary.confidentWrong}`);
  console.log(`median answer chars=${summary.medianAnswerChars}`);
}
