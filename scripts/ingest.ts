/**
 * Builds or updates the knowledge index: `npm run ingest` (incremental) or `npm run ingest -- --rebuild`.
 * Environment: see src/knowledge/config.ts.
 */
import { parseArgs } from "node:util";
import pino from "pino";
import { ingestKnowledge, knowledgeOptionsFromEnv, terminalProgress } from "../src/knowledge/index.js";

const { values } = parseArgs({ options: { rebuild: { type: "boolean", default: false } } });
const logger = pino({ level: "warn" }, pino.destination(2));
const options = knowledgeOptionsFromEnv(process.env, process.cwd(), logger);
const report = await ingestKnowledge(options, { rebuild: values.rebuild, progress: terminalProgress() });

console.log(`Index: ${report.indexDir}`);
console.log(`Files: ${report.files} (changed ${report.changedFiles.length}, removed ${report.removedFiles.length})`);
console.log(`Sections: ${report.sections} (embedded ${report.embeddedSections}, reused ${report.reusedSections})`);
console.log(`Time: ${Math.round(report.durationMs)} ms`);
for (const problem of report.problems) console.log(`Problem: ${problem}`);
