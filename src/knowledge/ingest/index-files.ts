import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { Document } from "@langchain/core/documents";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { describeEmbedding, sameEmbedding, type EmbeddingIdentity } from "../embeddings/select-embeddings.js";
import { searchText } from "../retrieval/search-text.js";
import type { KnowledgeOptions, Section } from "../types.js";

/**
 * On-disk index (see src/knowledge/README.md):
 *   index.json     format version, embedding identity, manifest of file hashes
 *   sections.json  every section with its citation, plus the hash of its indexed text
 *   vectors.bin    float32 vectors in section order (cache for incremental ingest)
 *   hnsw/          LangChain HNSWLib store (hnswlib.index, docstore.json, args.json)
 */

export const INDEX_FORMAT_VERSION = 1;

export interface IndexManifest {
  formatVersion: number;
  embedding: EmbeddingIdentity;
  builtAt: string;
  /** Per knowledge file: content hash (with sidecar) and how many sections it produced, in order. */
  files: Record<string, { hash: string; sections: number }>;
}

export interface IndexContents {
  manifest: IndexManifest;
  sections: Section[];
  /** Hash of `searchText(section)`, the key under which its vector can be reused. */
  textHashes: string[];
  vectors: Float32Array[];
}

export class IndexMismatchError extends Error {
  constructor(indexDir: string, built: EmbeddingIdentity, wanted: EmbeddingIdentity) {
    super(
      `The knowledge index in ${indexDir} was built with embedding ${describeEmbedding(built)}, ` +
        `but the current configuration uses ${describeEmbedding(wanted)}. ` +
        `Vectors of different embeddings cannot be mixed: run "npm run ingest" to rebuild the index.`,
    );
    this.name = "IndexMismatchError";
  }
}

export class MissingIndexError extends Error {
  constructor(indexDir: string) {
    super(`No knowledge index in ${indexDir}: run "npm run ingest" first.`);
    this.name = "MissingIndexError";
  }
}

export function indexDirOf(options: Pick<KnowledgeOptions, "dataDir" | "indexDir">): string {
  return resolve(options.indexDir ?? join(options.dataDir, "index"));
}

export async function readManifest(indexDir: string): Promise<IndexManifest | null> {
  const path = join(indexDir, "index.json");
  if (!existsSync(path)) return null;
  const manifest = JSON.parse(await readFile(path, "utf8")) as IndexManifest;
  return manifest.formatVersion === INDEX_FORMAT_VERSION ? manifest : null;
}

export function assertSameEmbedding(indexDir: string, manifest: IndexManifest, wanted: EmbeddingIdentity): void {
  if (!sameEmbedding(manifest.embedding, wanted)) throw new IndexMismatchError(indexDir, manifest.embedding, wanted);
}

/** An index without its vectors: what a running instance searches (the HNSW store holds the vectors it needs). */
export async function readIndexSections(indexDir: string): Promise<Omit<IndexContents, "vectors"> | null> {
  const manifest = await readManifest(indexDir);
  if (!manifest) return null;
  const { sections, textHashes } = JSON.parse(await readFile(join(indexDir, "sections.json"), "utf8")) as {
    sections: Section[];
    textHashes: string[];
  };
  return { manifest, sections, textHashes };
}

export async function readIndexContents(indexDir: string): Promise<IndexContents | null> {
  const contents = await readIndexSections(indexDir);
  if (!contents) return null;
  const { sections } = contents;
  const bytes = await readFile(join(indexDir, "vectors.bin"));
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const dimension = sections.length > 0 ? all.length / sections.length : 0;
  const vectors = sections.map((_, i) => all.slice(i * dimension, (i + 1) * dimension));
  return { ...contents, vectors };
}

/** The HNSW store of an index, or null when the index has no sections. */
export async function loadVectorStore(indexDir: string, embeddings: EmbeddingsInterface): Promise<HNSWLib | null> {
  const dir = join(indexDir, "hnsw");
  return existsSync(join(dir, "hnswlib.index")) ? HNSWLib.load(dir, embeddings) : null;
}

/** Writes a complete index next to the old one, then swaps directories so readers never see half of it. */
export async function writeIndex(
  indexDir: string,
  contents: IndexContents,
  embeddings: EmbeddingsInterface,
): Promise<void> {
  const staging = `${indexDir}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const { sections, vectors } = contents;
  await writeFile(join(staging, "sections.json"), JSON.stringify({ sections, textHashes: contents.textHashes }));
  const flat = new Float32Array(vectors.reduce((n, v) => n + v.length, 0));
  let offset = 0;
  for (const vector of vectors) {
    flat.set(vector, offset);
    offset += vector.length;
  }
  await writeFile(join(staging, "vectors.bin"), new Uint8Array(flat.buffer));
  if (sections.length > 0) {
    const store = new HNSWLib(embeddings, { space: "cosine", numDimensions: vectors[0]!.length });
    const documents = sections.map((s) => new Document({ pageContent: searchText(s), metadata: { sectionId: s.id } }));
    await store.addVectors(
      vectors.map((v) => Array.from(v)),
      documents,
    );
    await store.save(join(staging, "hnsw"));
  }
  await writeFile(join(staging, "index.json"), JSON.stringify(contents.manifest, null, 2));

  const retired = `${indexDir}.old-${process.pid}`;
  if (existsSync(indexDir)) await rename(indexDir, retired);
  await rename(staging, indexDir);
  await rm(retired, { recursive: true, force: true });
}
