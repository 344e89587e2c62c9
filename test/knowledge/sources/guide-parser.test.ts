import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isGuide, parseGuide } from "../../../src/knowledge/sources/guide-parser.js";

const FIXTURE = new URL("../fixtures/knowledge/luat/thanh-vien.md", import.meta.url);

describe("parseGuide", () => {
  const { sections, problems } = parseGuide("luat/thanh-vien.md", readFileSync(FIXTURE, "utf8"));

  it("makes one section per ## heading with its citation and topic", () => {
    expect(sections.map((s) => s.heading)).toEqual([
      "Lập hợp tác xã cần ít nhất mấy người?",
      "Hộ gia đình có được vào HTX không?",
      "Nghe nói phải đủ 7 người mới lập được HTX?",
    ]);
    const [first] = sections;
    expect(first).toMatchObject({ topic: "thanh-vien", topicTitle: "Thành viên hợp tác xã", kind: "guide", order: 0 });
    expect(first!.citations[0]).toMatchObject({ doc: "17/2023/QH15", article: "4", clause: "7", status: "in_force" });
    expect(first!.keywords).toContain("may nguoi");
    expect(first!.text).toBe(
      "Cần ít nhất 05 thành viên chính thức. Thành viên liên kết không được tính vào con số này.",
    );
  });

  it("reads a list of citations, the first being the main one", () => {
    const citations = sections[2]!.citations;
    expect(citations.map((c) => c.doc)).toEqual(["17/2023/QH15", "23/2012/QH13"]);
    expect(citations[1]).toMatchObject({ status: "expired", expires: "2024-07-01" });
  });

  it("reports and skips a section without citation", () => {
    expect(problems).toEqual([expect.stringContaining("Mục này quên ghi trích dẫn")]);
  });

  it("gives stable, short, distinct ids", () => {
    const again = parseGuide("luat/thanh-vien.md", readFileSync(FIXTURE, "utf8")).sections.map((s) => s.id);
    expect(again).toEqual(sections.map((s) => s.id));
    expect(new Set(again).size).toBe(again.length);
    expect(Math.max(...again.map((id) => Buffer.byteLength(id)))).toBeLessThanOrEqual(40);
  });

  it("tells guides from official texts", () => {
    expect(isGuide(readFileSync(FIXTURE, "utf8"))).toBe(true);
    expect(isGuide("# Luật\n\nĐiều 1. Phạm vi")).toBe(false);
  });

  it("reports invalid YAML instead of throwing", () => {
    const broken = "## Câu hỏi?\n<!-- cite\ndoc: [unclosed\n-->\nText.";
    const parsed = parseGuide("x.md", broken);
    expect(parsed.sections).toEqual([]);
    expect(parsed.problems[0]).toContain("not valid YAML");
  });
});
