import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  createEmbeddings,
  describeEmbedding,
  embeddingIdentity,
  sameEmbedding,
} from "../embeddings/select-embeddings.js";
import { searchText } from "../retrieval/search-text.js";
import { listKnowledgeFiles, loadSections, sidecarPath } from "../sources/load-sections.js";
import type { KnowledgeOptions, Section } from "../types.js";
import {
  INDEX_FORMAT_VERSION,
  assertSameEmbedding,
  indexDirOf,
  readIndexContents,
  readManifest,
  writeIndex,
  type IndexContents,
} from "./index-files.js";

/**
 * Builds or updates the knowledge index. Incremental: a file whose content hash (with its sidecar)
 * is unchanged keeps its sections and vectors; inside a changed file, a section whose indexed text
 * is unchanged keeps its vector. Only new text is embedded.
 */

/** Bump when parsing changes, so unchanged files are parsed again (their vectors stay reusable). */
const PARSER_VERSION = "2";
const EMBED_BATCH = 32;

export interface IngestProgress {
  start(total: number): void;
  increment(count: number): void;
  stop(): void;
}

export interface IngestOptions {
  /** Ignore the existing index and embed everything again. */
  rebuild?: boolean;
  progress?: IngestProgress;
}

export interface IngestReport {
  indexDir: string;
  files: number;
  changedFiles: string[];
  removedFiles: string[];
  sections: number;
  embeddedSections: number;
  reusedSections: number;
  problems: string[];
  durationMs: number;
}

async function fileHash(knowledgeDir: string, file: string): Promise<string> {
  const hash = createHash("sha256").update(`${PARSER_VERSION}\n`);
  const absolutePath = join(knowledgeDir, file);
  hash.update(await readFile(absolutePath));
  const sidecar = sidecarPath(absolutePath);
  if (existsSync(sidecar)) hash.update(await readFile(sidecar));
  return hash.digest("hex");
}

function textHash(section: Section): string {
  return createHash("sha256").update(searchText(section)).digest("hex").slice(0, 32);
}

/** Current content hashes of all knowledge files. */
async function currentHashes(knowledgeDir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of await listKnowledgeFiles(knowledgeDir)) hashes.set(file, await fileHash(knowledgeDir, file));
  return hashes;
}

export async function ingestKnowledge(options: KnowledgeOptions, ingest: IngestOptions = {}): Promise<IngestReport> {
  const started = performance.now();
  const indexDir = indexDirOf(options);
  const identity = embeddingIdentity(options.openai);
  const embeddings = await createEmbeddings(options.openai);

  const existing = ingest.rebuild ? null : await readIndexContents(indexDir);
  const previous = existing && sameEmbedding(existing.manifest.embedding, identity) ? existing : null;
  if (existing && !previous) {
    options.logger?.warn({ indexDir }, "knowledge index was built with another embedding; rebuilding it completely");
  }
  const previousByFile = new Map<string, { start: number; count: number; hash: string }>();
  const vectorByText = new Map<string, Float32Array>();
  if (previous) {
    let start = 0;
    for (const [file, entry] of Object.entries(previous.manifest.files)) {
      previousByFile.set(file, { start, count: entry.sections, hash: entry.hash });
      start += entry.sections;
    }
    previous.textHashes.forEach((hash, i) => vectorByText.set(hash, previous.vectors[i]!));
  }

  const hashes = await currentHashes(options.knowledgeDir);
  const sections: Section[] = [];
  const textHashes: string[] = [];
  const vectors: Array<Float32Array | null> = [];
  const files: IndexContents["manifest"]["files"] = {};
  const changedFiles: string[] = [];
  const problems: string[] = [];
  for (const [file, hash] of hashes) {
    const before = previousByFile.get(file);
    if (previous && before && before.hash === hash) {
      const range = { from: before.start, to: before.start + before.count };
      sections.push(...previous.sections.slice(range.from, range.to));
      textHashes.push(...previous.textHashes.slice(range.from, range.to));
      vectors.push(...previous.vectors.slice(range.from, range.to));
      files[file] = { hash, sections: before.count };
      continue;
    }
    changedFiles.push(file);
    const loaded = await loadSections(options.knowledgeDir, file);
    problems.push(...loaded.problems);
    for (const section of loaded.sections) {
      const key = textHash(section);
      sections.push(section);
      textHashes.push(key);
      vectors.push(vectorByText.get(key) ?? null);
    }
    files[file] = { hash, sections: loaded.sections.length };
  }
  for (const problem of problems) options.logger?.warn({ problem }, "knowledge file problem");

  const missing = vectors.flatMap((v, i) => (v ? [] : [i]));
  ingest.progress?.start(missing.length);
  for (let i = 0; i < missing.length; i += EMBED_BATCH) {
    const batch = missing.slice(i, i + EMBED_BATCH);
    const embedded = await embeddings.embedDocuments(batch.map((index) => searchText(sections[index]!)));
    batch.forEach((index, j) => (vectors[index] = Float32Array.from(embedded[j]!)));
    ingest.progress?.increment(batch.length);
  }
  ingest.progress?.stop();

  const complete = vectors as Float32Array[];
  const dimension = complete[0]?.length ?? identity.dimension;
  if (complete.some((v) => v.length !== dimension)) {
    throw new Error("Embedding returned vectors of different lengths; check EMBEDDINGS_MODEL and rebuild the index.");
  }
  const manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    embedding: { ...identity, dimension },
    builtAt: new Date().toISOString(),
    files,
  };
  await writeIndex(indexDir, { manifest, sections, textHashes, vectors: complete }, embeddings);

  const report: IngestReport = {
    indexDir,
    files: hashes.size,
    changedFiles,
    removedFiles: [...previousByFile.keys()].filter((file) => !hashes.has(file)),
    sections: sections.length,
    embeddedSections: missing.length,
    reusedSections: sections.length - missing.length,
    problems,
    durationMs: performance.now() - started,
  };
  options.logger?.info(
    {
      ...report,
      problems: problems.length,
      changedFiles: changedFiles.length,
      removedFiles: report.removedFiles.length,
    },
    "knowledge index written",
  );
  return report;
}

/**
 * Called by the app at start: builds the index when missing, updates it when knowledge files
 * changed, and refuses an index built with another embedding (IndexMismatchError) instead of
 * silently re-embedding everything through a paid endpoint. The one exception is a newer version of
 * our own offline embedding (after an upgrade of this code): rebuilding it costs a second and no
 * money, so it is rebuilt whole — never mixed. Returns the ingest report, or null when current.
 */
export async function ensureIndex(options: KnowledgeOptions, ingest: IngestOptions = {}): Promise<IngestReport | null> {
  const indexDir = indexDirOf(options);
  const manifest = await readManifest(indexDir);
  if (!manifest) return ingestKnowledge(options, ingest);
  const wanted = embeddingIdentity(options.openai);
  if (
    manifest.embedding.kind === "lexical" &&
    wanted.kind === "lexical" &&
    !sameEmbedding(manifest.embedding, wanted)
  ) {
    options.logger?.info(
      { from: describeEmbedding(manifest.embedding), to: describeEmbedding(wanted) },
      "offline embedding upgraded; rebuilding the index",
    );
    return ingestKnowledge(options, { ...ingest, rebuild: true });
  }
  assertSameEmbedding(indexDir, manifest, wanted);
  const hashes = await currentHashes(options.knowledgeDir);
  const indexed = Object.entries(manifest.files);
  const current = indexed.length === hashes.size && indexed.every(([file, entry]) => hashes.get(file) === entry.hash);
  return current ? null : ingestKnowledge(options, ingest);
}
