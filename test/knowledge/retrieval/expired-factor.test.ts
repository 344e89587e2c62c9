import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestKnowledge } from "../../../src/knowledge/ingest/ingest.js";
import {
  expiredFactor,
  openKnowledgeIndex,
  type KnowledgeIndex,
} from "../../../src/knowledge/retrieval/knowledge-index.js";
import type { Section } from "../../../src/knowledge/types.js";

const section = (status: "expired" | "in_force", doc = "67/2014/NĐ-CP"): Section => ({
  id: "s",
  file: "f.md",
  kind: "guide",
  topic: null,
  topicTitle: null,
  heading: "Hỗ trợ lãi suất",
  text: "",
  citations: [{ doc, docTitle: "Nghị định", article: "1", status, uncertain: false }],
  keywords: [],
  order: 0,
});

describe("expiredFactor", () => {
  it("lowers an expired main source", () => {
    expect(expiredFactor("HTX được hỗ trợ lãi suất không?", section("expired"))).toBe(0.8);
    expect(expiredFactor("HTX được hỗ trợ lãi suất không?", section("in_force"))).toBe(1);
  });

  it.each([
    "Trước đây HTX được hỗ trợ lãi suất thế nào?",
    "Mức hỗ trợ cũ là bao nhiêu?",
    "muc ho tro cu la bao nhieu",
    "Hồi trước vay được hỗ trợ bao nhiêu?",
    "Năm 2022 HTX được hỗ trợ lãi suất không?",
  ])("ranks it higher when the question asks about the past: %j", (question) => {
    expect(expiredFactor(question, section("expired"))).toBe(1.25);
    expect(expiredFactor(question, section("in_force"))).toBe(1);
  });

  it.each(["Nghị định 67 còn áp dụng không?", "NĐ 67/2014 hỗ trợ gì?"])(
    "keeps it when the question names it: %j",
    (question) => {
      expect(expiredFactor(question, section("expired"))).toBe(1);
    },
  );

  it("does not read another number as the document", () => {
    expect(expiredFactor("Vay 67 triệu có cần thế chấp?", section("expired"))).toBe(0.8);
  });
});

const cite = (doc: string, status: string, extra = "") =>
  `<!-- cite\ndoc: ${doc}\ndoc_title: Quyết định hỗ trợ lãi suất\narticle: "3"\nstatus: ${status}\n${extra}-->`;
const text = "Thành viên hợp tác xã vay vốn sản xuất được ngân sách hỗ trợ lãi suất 2%/năm trong 24 tháng.";

let root: string;
let index: KnowledgeIndex;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "knowledge-expired-"));
  mkdirSync(join(root, "knowledge", "chinh-sach"), { recursive: true });
  writeFileSync(
    join(root, "knowledge", "chinh-sach", "ho-tro.md"),
    [
      "---\ntitle: Hỗ trợ lãi suất\ntopic: vay-von\n---\n",
      `## Thành viên HTX vay vốn có được hỗ trợ lãi suất không?\n${cite("12/2020/QĐ-TTg", "expired", "expires: 2023-01-01\n")}\n\n${text}\n`,
      `## Thành viên HTX vay vốn có được hỗ trợ lãi suất?\n${cite("34/2024/QĐ-TTg", "in_force")}\n\n${text}\n`,
    ].join("\n"),
  );
  const options = { dataDir: join(root, "data"), knowledgeDir: join(root, "knowledge") };
  await ingestKnowledge(options);
  index = await openKnowledgeIndex(options);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("search with an expired source", () => {
  // Same text; the expired one's heading matches the question better, so without the factor it comes first.
  it("ranks the source in force first for a question about today", async () => {
    const [first] = await index.search("Thành viên HTX vay vốn có được hỗ trợ lãi suất không?");
    expect(first!.section.citations[0]!.doc).toBe("34/2024/QĐ-TTg");
  });

  it.each([
    "Trước đây thành viên HTX vay vốn có được hỗ trợ lãi suất không?",
    "Theo Quyết định 12/2020 thành viên HTX vay vốn có được hỗ trợ lãi suất không?",
  ])("keeps the expired source first when asked for it: %j", async (question) => {
    const [first] = await index.search(question);
    expect(first!.section.citations[0]!.doc).toBe("12/2020/QĐ-TTg");
  });
});
