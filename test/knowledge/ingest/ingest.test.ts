import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureIndex, ingestKnowledge } from "../../../src/knowledge/ingest/ingest.js";
import { IndexMismatchError, MissingIndexError } from "../../../src/knowledge/ingest/index-files.js";
import { openKnowledgeIndex } from "../../../src/knowledge/retrieval/knowledge-index.js";
import { fixtureKnowledge } from "../knowledge-dir.js";
import { startFakeOpenAI, type FakeOpenAI } from "../../support/fake-openai.js";

let kb: ReturnType<typeof fixtureKnowledge>;

beforeEach(() => {
  kb = fixtureKnowledge();
});
afterEach(() => kb.cleanup());

describe("ingestKnowledge", () => {
  it("writes the index with the embedding identity and a manifest of file hashes", async () => {
    const report = await ingestKnowledge(kb);
    expect(report).toMatchObject({ files: 2, sections: 6, embeddedSections: 6, reusedSections: 0 });
    expect(report.problems).toEqual([expect.stringContaining("quên ghi trích dẫn")]);
    const manifest = JSON.parse(readFileSync(join(kb.dataDir, "index", "index.json"), "utf8"));
    expect(manifest.embedding).toEqual({ kind: "lexical", model: expect.any(String), dimension: 4096 });
    expect(Object.keys(manifest.files)).toEqual(["luat/thanh-vien.md", "tin-dung/vay-von.md"]);
    expect(existsSync(join(kb.dataDir, "index", "hnsw", "hnswlib.index"))).toBe(true);
  });

  it("reports a broken file and indexes the others", async () => {
    writeFileSync(join(kb.knowledgeDir, "luat", "hong.pdf"), "%PDF-1.4 hỏng");
    writeFileSync(join(kb.knowledgeDir, "luat", "sai.txt"), "Điều 1. Nội dung");
    writeFileSync(join(kb.knowledgeDir, "luat", "sai.meta.yaml"), "doc: [01/2025");
    const report = await ingestKnowledge(kb);
    expect(report).toMatchObject({ files: 4, sections: 6 });
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^luat\/hong\.pdf: /),
        expect.stringMatching(/^luat\/sai\.txt: sai\.meta\.yaml/),
      ]),
    );
  });

  it("re-embeds only what changed", async () => {
    await ingestKnowledge(kb);
    const unchanged = await ingestKnowledge(kb);
    expect(unchanged).toMatchObject({ changedFiles: [], embeddedSections: 0, reusedSections: 6 });

    appendFileSync(
      join(kb.knowledgeDir, "tin-dung", "vay-von.md"),
      '\n## Vay có cần sổ đỏ không?\n<!-- cite\ndoc: 55/2015/NĐ-CP\ndoc_title: NĐ 55\narticle: "9"\neffective: 2025-07-01\nstatus: amended\n-->\n\nViệc nộp sổ đỏ do ngân hàng và khách hàng thỏa thuận.\n',
    );
    const edited = await ingestKnowledge(kb);
    // Only the new section is embedded; the edited file's old sections keep their vectors.
    expect(edited).toMatchObject({ changedFiles: ["tin-dung/vay-von.md"], embeddedSections: 1, reusedSections: 6 });

    rmSync(join(kb.knowledgeDir, "luat", "thanh-vien.md"));
    const removed = await ingestKnowledge(kb);
    expect(removed).toMatchObject({ removedFiles: ["luat/thanh-vien.md"], sections: 4, embeddedSections: 0 });
  });

  it("re-embeds everything on --rebuild", async () => {
    await ingestKnowledge(kb);
    expect(await ingestKnowledge(kb, { rebuild: true })).toMatchObject({ embeddedSections: 6, reusedSections: 0 });
  });

  it("reports progress of embedding", async () => {
    const calls: string[] = [];
    await ingestKnowledge(kb, {
      progress: {
        start: (n) => calls.push(`start ${n}`),
        increment: (n) => calls.push(`+${n}`),
        stop: () => calls.push("stop"),
      },
    });
    expect(calls).toEqual(["start 6", "+6", "stop"]);
  });
});

describe("embedding identity", () => {
  let fake: FakeOpenAI;
  beforeEach(async () => {
    fake = await startFakeOpenAI();
  });
  afterEach(() => fake.close());

  it("embeds through an OpenAI-compatible endpoint and refuses to mix with another embedding", async () => {
    const remote = { ...kb, openai: { baseURL: fake.baseURL, embeddingsModel: "fake-embed" } };
    await ingestKnowledge(remote);
    expect(fake.requests.some((r) => r.path === "/v1/embeddings" && r.body.model === "fake-embed")).toBe(true);
    const manifest = JSON.parse(readFileSync(join(kb.dataDir, "index", "index.json"), "utf8"));
    expect(manifest.embedding).toEqual({ kind: "openai", model: "fake-embed", dimension: 64 });

    await expect(openKnowledgeIndex(kb)).rejects.toThrow(IndexMismatchError);
    await expect(openKnowledgeIndex(kb)).rejects.toThrow(/npm run ingest/);
    await expect(ensureIndex(kb)).rejects.toThrow(IndexMismatchError);
    await expect(
      openKnowledgeIndex({ ...remote, openai: { ...remote.openai, embeddingsModel: "other" } }),
    ).rejects.toThrow(/openai:fake-embed\/64.*openai:other/);

    // Running ingest with the other embedding rebuilds everything instead of mixing vectors.
    expect(await ingestKnowledge(kb)).toMatchObject({ embeddedSections: 6, reusedSections: 0 });
    const hits = await (await openKnowledgeIndex(kb)).search("ho gia dinh vao htx");
    expect(hits[0]!.section.heading).toBe("Hộ gia đình có được vào HTX không?");
  });
});

describe("ensureIndex", () => {
  it("builds a missing index, leaves a current one alone and updates a stale one", async () => {
    await expect(openKnowledgeIndex(kb)).rejects.toThrow(MissingIndexError);
    expect(await ensureIndex(kb)).toMatchObject({ sections: 6 });
    expect(await ensureIndex(kb)).toBeNull();
    writeFileSync(join(kb.knowledgeDir, "moi.txt"), "Điều 1. Phạm vi\nNội dung mới.");
    expect(await ensureIndex(kb)).toMatchObject({ changedFiles: ["moi.txt"], embeddedSections: 1 });
  });

  it("rebuilds, whole, an index of an older version of the offline embedding", async () => {
    await ensureIndex(kb);
    const manifestPath = join(kb.dataDir, "index", "index.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    writeFileSync(
      manifestPath,
      JSON.stringify({ ...manifest, embedding: { ...manifest.embedding, model: "vi-hashed-older" } }),
    );
    expect(await ensureIndex(kb)).toMatchObject({ embeddedSections: 6, reusedSections: 0 });
    expect(await ensureIndex(kb)).toBeNull();
  });
});
