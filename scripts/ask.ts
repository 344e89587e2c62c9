/**
 * Asks the knowledge service one question: `npm run ask -- "câu hỏi"` or `npm run ask -- --json "câu hỏi"`.
 * Builds the index first when it is missing or stale. Environment: see src/knowledge/config.ts.
 */
import { parseArgs } from "node:util";
import pino from "pino";
import { createKnowledgeService, ensureIndex, knowledgeOptionsFromEnv } from "../src/knowledge/index.js";

const { values, positionals } = parseArgs({
  options: { json: { type: "boolean", default: false } },
  allowPositionals: true,
});
const question = positionals.join(" ").trim();
if (!question) {
  console.error('Usage: npm run ask -- [--json] "câu hỏi"');
  process.exit(2);
}

const logger = pino({ level: "warn" }, pino.destination(2));
const options = knowledgeOptionsFromEnv(process.env, process.cwd(), logger);
await ensureIndex(options);
const service = await createKnowledgeService(options);
const result = await service.answer(question);

if (values.json) {
  const sources = result.sources.map(({ doc, article, title, score, status }) => ({
    doc,
    article,
    title,
    score,
    status,
  }));
  console.log(JSON.stringify({ answer: result.answer, declined: result.declined, sources }, null, 2));
} else {
  console.log(result.answer);
  if (result.sources.length > 0) {
    console.log("\nNguồn:");
    for (const s of result.sources) {
      const article = s.article ? `Điều ${s.article}, ` : "";
      console.log(`  - ${article}${s.title} (${s.doc}) [${s.statusNote ?? s.status}] điểm ${s.score}`);
    }
  }
  if (result.followUps.length > 0) console.log(`\nHỏi tiếp:\n${result.followUps.map((f) => `  - ${f}`).join("\n")}`);
}
