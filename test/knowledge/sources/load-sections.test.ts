import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listKnowledgeFiles, loadSections } from "../../../src/knowledge/sources/load-sections.js";
import { makeDocx, makePdf } from "./generated-documents.js";

const DECREE = [
  "NGHỊ ĐỊNH VỀ ĐĂNG KÝ HỢP TÁC XÃ",
  "Nghị định số 92/2024/NĐ-CP",
  "Điều 12. Ủy quyền thực hiện đăng ký",
  "1. Văn bản ủy quyền không bắt buộc công chứng, chứng thực.",
  "Điều 35. Quyền kinh doanh",
  "Hợp tác xã được kinh doanh kể từ ngày được cấp giấy chứng nhận.",
];

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "knowledge-load-"));
  cpSync(new URL("../fixtures/knowledge", import.meta.url), dir, { recursive: true });
  mkdirSync(join(dir, "van-ban"));
  writeFileSync(join(dir, "van-ban", "nd-92.docx"), makeDocx(DECREE));
  writeFileSync(join(dir, "van-ban", "nd-92.pdf"), makePdf(DECREE));
  writeFileSync(
    join(dir, "van-ban", "luat.html"),
    "<html><head><style>p{}</style></head><body><h1>LUẬT HỢP TÁC XÃ</h1><p>Luật số: 17/2023/QH15</p>" +
      "<p><b>Điều 30. Điều kiện trở thành thành viên</b></p><p>Hộ gia đình cử 01 người đại diện &amp; ký đơn.</p></body></html>",
  );
  writeFileSync(join(dir, "van-ban", "thong-bao.txt"), "Điều 1. Nội dung\nVăn bản không ghi số hiệu.");
  writeFileSync(
    join(dir, "van-ban", "thong-bao.meta.yaml"),
    "doc: 01/2025/TB-UBND\ndoc_title: Thông báo của UBND\nstatus: expired\nexpires: 2025-12-31\n",
  );
  writeFileSync(join(dir, "van-ban", "nd-45.txt"), "Điều 14. Vốn\nNội dung.\nĐiều 15. Quỹ địa phương\nNội dung cũ.");
  writeFileSync(
    join(dir, "van-ban", "nd-45.meta.yaml"),
    'doc: 45/2021/NĐ-CP\ndoc_title: Nghị định 45/2021\nstatus: in_force\nparts:\n  - articles: ["15"]\n' +
      "    status: outdated_in_part\n    amended_by: [253/2025/NĐ-CP]\n    note: Đã sửa một phần\n",
  );
  writeFileSync(join(dir, "README.md"), "# Not a document");
  mkdirSync(join(dir, "hong"));
  writeFileSync(join(dir, "hong", "sai-meta.txt"), "Điều 1. Nội dung\nVăn bản có sidecar hỏng.");
  writeFileSync(join(dir, "hong", "sai-meta.meta.yaml"), "doc: [01/2025\nstatus: : expired\n");
  writeFileSync(join(dir, "hong", "sai-front-matter.md"), "---\ndoc: [17/2023/QH15\n---\nĐiều 1. Phạm vi\nNội dung.");
  writeFileSync(join(dir, "hong", "hong.pdf"), Buffer.from("%PDF-1.4\nkhông phải PDF thật"));
  writeFileSync(join(dir, "hong", "hong.docx"), Buffer.from("PK\u0003\u0004 không phải docx"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("listKnowledgeFiles", () => {
  it("lists supported files, skipping programmes/, READMEs and sidecars", async () => {
    expect(await listKnowledgeFiles(dir)).toEqual([
      "hong/hong.docx",
      "hong/hong.pdf",
      "hong/sai-front-matter.md",
      "hong/sai-meta.txt",
      "luat/thanh-vien.md",
      "tin-dung/vay-von.md",
      "van-ban/luat.html",
      "van-ban/nd-45.txt",
      "van-ban/nd-92.docx",
      "van-ban/nd-92.pdf",
      "van-ban/thong-bao.txt",
    ]);
  });
});

describe("loadSections", () => {
  it.each(["van-ban/nd-92.docx", "van-ban/nd-92.pdf"])(
    "splits %s by Điều with the inferred decree number",
    async (file) => {
      const { sections } = await loadSections(dir, file);
      expect(sections.map((s) => [s.heading, s.citations[0]!.doc, s.citations[0]!.article])).toEqual([
        ["Điều 12. Ủy quyền thực hiện đăng ký", "92/2024/NĐ-CP", "12"],
        ["Điều 35. Quyền kinh doanh", "92/2024/NĐ-CP", "35"],
      ]);
      expect(sections[0]!.text).toBe("1. Văn bản ủy quyền không bắt buộc công chứng, chứng thực.");
      expect(sections[1]!.text).toBe("Hợp tác xã được kinh doanh kể từ ngày được cấp giấy chứng nhận.");
    },
  );

  it("reads HTML as text", async () => {
    const { sections } = await loadSections(dir, "van-ban/luat.html");
    expect(sections).toHaveLength(1);
    expect(sections[0]!.citations[0]).toMatchObject({ doc: "17/2023/QH15", article: "30" });
    expect(sections[0]!.text).toBe("Hộ gia đình cử 01 người đại diện & ký đơn.");
  });

  it("takes document metadata from a .meta.yaml sidecar", async () => {
    const { sections } = await loadSections(dir, "van-ban/thong-bao.txt");
    expect(sections[0]!.citations[0]).toMatchObject({
      doc: "01/2025/TB-UBND",
      docTitle: "Thông báo của UBND",
      status: "expired",
      expires: "2025-12-31",
      article: "1",
    });
  });

  it("gives single articles their own status from the sidecar's parts", async () => {
    const { sections, problems } = await loadSections(dir, "van-ban/nd-45.txt");
    expect(problems).toEqual([]);
    expect(sections.map((s) => s.citations[0])).toEqual([
      expect.objectContaining({ article: "14", status: "in_force" }),
      expect.objectContaining({
        article: "15",
        status: "outdated_in_part",
        amendedBy: ["253/2025/NĐ-CP"],
        note: "Đã sửa một phần",
      }),
    ]);
    expect(sections[0]!.citations[0]!.note).toBeUndefined();
  });

  it("parses our guides by section", async () => {
    const { sections } = await loadSections(dir, "tin-dung/vay-von.md");
    expect(sections.map((s) => s.kind)).toEqual(["guide", "guide", "guide"]);
    expect(sections[1]!.citations[0]).toMatchObject({ article: null, uncertain: true });
  });

  it.each([
    ["hong/sai-meta.txt", "sai-meta.meta.yaml is not valid YAML"],
    ["hong/sai-front-matter.md", "front matter is not valid YAML"],
    ["hong/hong.pdf", ""],
    ["hong/hong.docx", ""],
  ])("reports a broken %s as a problem instead of throwing", async (file, message) => {
    const loaded = await loadSections(dir, file);
    expect(loaded.sections).toEqual([]);
    expect(loaded.problems).toEqual([expect.stringMatching(new RegExp(`^${file}: .*${message}`))]);
  });
});
