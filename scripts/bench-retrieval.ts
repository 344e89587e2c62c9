/**
 * Retrieval benchmark: index build time and size, answer latency (p50/p95), RSS, and the same
 * questions through a naive baseline (LangChain BM25Retriever over whitespace tokens, no folding),
 * with quality and speed side by side. Ends with one `key=value` summary line.
 *   npm run bench:retrieval [-- --file q.jsonl --file more.jsonl --rounds 5]
 */
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Document } from "@langchain/core/documents";
import { BM25Retriever } from "@langchain/community/retrievers/bm25";
import { createKnowledgeService, ingestKnowledge, knowledgeOptionsFromEnv } from "../src/knowledge/index.js";
import { evaluate, loadCases, type EvalCase } from "../src/knowledge/eval/evaluate.js";
import { embeddingIdentity } from "../src/knowledge/embeddings/select-embeddings.js";
import { openKnowledgeIndex } from "../src/knowledge/retrieval/knowledge-index.js";
import { splitSentences } from "../src/knowledge/text/sentences.js";
import type { Answer } from "../src/knowledge/types.js";

const { values } = parseArgs({
  options: { file: { type: "string", multiple: true }, rounds: { type: "string", default: "5" } },
});
const files = (values.file ?? ["../shared/eval/dev.jsonl", "test/eval/extra.jsonl"])
  .map((f) => resolve(f))
  .filter(existsSync);
const rounds = Number(values.rounds);
const cases: EvalCase[] = (await Promise.all(files.map(loadCases))).flat();

async function directorySize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * Times every question `rounds` times after one warm-up pass: per-call milliseconds, and the CPU
 * time per call, which hardly changes when other work shares the machine (latencies do).
 */
async function timeAnswers(answer: (q: string) => Promise<unknown>): Promise<{ times: number[]; cpuMs: number }> {
  for (const c of cases) await answer(c.question);
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let r = 0; r < rounds; r += 1) {
    for (const c of cases) {
      const started = performance.now();
      await answer(c.question);
      times.push(performance.now() - started);
    }
  }
  const cpu = process.cpuUsage(cpuBefore);
  return { times, cpuMs: (cpu.user + cpu.system) / 1000 / times.length };
}

// Build from scratch into a temporary data dir so the build time is a full build.
const base = knowledgeOptionsFromEnv(process.env, process.cwd());
const dataDir = await mkdtemp(join(tmpdir(), "bench-index-"));
const options = { ...base, dataDir };
const built = await ingestKnowledge(options, { rebuild: true });
const indexBytes = await directorySize(built.indexDir);

const service = await createKnowledgeService(options);
const ours = await evaluate((q) => service.answer(q), cases);
const { times: ourTimes, cpuMs: ourCpuMs } = await timeAnswers((q) => service.answer(q));

// Naive baseline: same sections, whitespace tokens, no diacritic folding, no Vietnamese handling.
const index = await openKnowledgeIndex(options);
const documents = index.sections.map(
  (s) => new Document({ pageContent: `${s.heading}\n${s.text}`, metadata: { sectionId: s.id } }),
);
const baseline = BM25Retriever.fromDocuments(documents, { k: 5 });
async function baselineAnswer(question: string): Promise<Answer> {
  const found = (await baseline.invoke(question)).map((d) => index.section(String(d.metadata.sectionId))!);
  const lead = found[0] ? splitSentences(found[0].text).slice(0, 2).join(" ") : "";
  const sources = found.map((s) => ({
    ...s.citations[0]!,
    title: s.citations[0]!.docTitle,
    score: 0,
    sectionId: s.id,
  }));
  return { answer: lead, declined: false, sources, followUps: [], confidence: 0, suggestOfficer: false };
}
const naive = await evaluate(baselineAnswer, cases);
const { times: baseTimes, cpuMs: baseCpuMs } = await timeAnswers(baselineAnswer);
await rm(dataDir, { recursive: true, force: true });

const summary = {
  questions: cases.length,
  rounds,
  index_build_ms: Math.round(built.durationMs),
  index_sections: built.sections,
  index_bytes: indexBytes,
  p50_ms: +percentile(ourTimes, 50).toFixed(2),
  p95_ms: +percentile(ourTimes, 95).toFixed(2),
  cpu_ms: +ourCpuMs.toFixed(2),
  rss_mb: Math.round(process.memoryUsage().rss / 1e6),
  hit5: +ours.summary.hitAt5.toFixed(3),
  fact: +ours.summary.factAccuracy.toFixed(3),
  decline: +ours.summary.declineAccuracy.toFixed(3),
  median_chars: ours.summary.medianAnswerChars,
  base_hit5: +naive.summary.hitAt5.toFixed(3),
  base_fact: +naive.summary.factAccuracy.toFixed(3),
  base_p50_ms: +percentile(baseTimes, 50).toFixed(2),
  base_p95_ms: +percentile(baseTimes, 95).toFixed(2),
  base_cpu_ms: +baseCpuMs.toFixed(2),
  cpu_vs_base: +(ourCpuMs / Math.max(baseCpuMs, 1e-6)).toFixed(2),
  p95_vs_base: +(percentile(ourTimes, 95) / Math.max(percentile(baseTimes, 95), 1e-6)).toFixed(2),
  embedding: embeddingIdentity(options.openai).kind,
};
console.log(`Questions: ${summary.questions} from ${files.join(", ")} × ${rounds} rounds`);
console.log(
  `Index: ${summary.index_sections} sections, built in ${summary.index_build_ms} ms, ${(indexBytes / 1e6).toFixed(1)} MB`,
);
console.log(
  `Ours:     hit@5 ${summary.hit5}  fact ${summary.fact}  p50 ${summary.p50_ms} ms  p95 ${summary.p95_ms} ms  CPU ${summary.cpu_ms} ms/answer`,
);
console.log(
  `Baseline: hit@5 ${summary.base_hit5}  fact ${summary.base_fact}  p50 ${summary.base_p50_ms} ms  p95 ${summary.base_p95_ms} ms  CPU ${summary.base_cpu_ms} ms/answer`,
);
console.log(`RSS: ${summary.rss_mb} MB; our p95 is ${summary.p95_vs_base}× the baseline's`);
console.log(
  Object.entries(summary)
    .map(([k, v]) => `${k}=${v}`)
    .join(" "),
);
