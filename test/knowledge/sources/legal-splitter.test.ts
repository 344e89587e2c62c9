import { describe, expect, it } from "vitest";
import { inferDocNumber, inferDocTitle, splitLegalText } from "../../../src/knowledge/sources/legal-splitter.js";

const LAW = `LUẬT HỢP TÁC XÃ
Luật số: 17/2023/QH15

Chương I
NHỮNG QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Luật này quy định về tổ hợp tác, hợp tác xã.

Mục 2
THÀNH VIÊN

Điều 30. Điều kiện trở thành thành viên
1. Thành viên chính thức là công dân từ đủ 18 tuổi; hộ gia đình cử 01 người đại diện theo quy định tại Điều 4.
2. ${"Nội dung khoản hai rất dài. ".repeat(40)}
3. ${"Nội dung khoản ba cũng dài. ".repeat(40)}

Điều 15a. Cho vay không có tài sản bảo đảm
Điều này do nghị định sửa đổi bổ sung.
`;

describe("splitLegalText", () => {
  const sections = splitLegalText("van-ban/luat.txt", LAW);

  it("infers the document number and title from the heading", () => {
    expect(inferDocNumber(LAW)).toBe("17/2023/QH15");
    expect(inferDocNumber("NGHỊ ĐỊNH\nNghị định số 92/2024/NĐ-CP")).toBe("92/2024/NĐ-CP");
    expect(inferDocNumber("QUYẾT ĐỊNH\nSố: 167/QĐ-TTg")).toBe("167/QĐ-TTg");
    expect(inferDocTitle(LAW)).toBe("Luật hợp tác xã");
  });

  it("makes one chunk per Điều, knowing document and article", () => {
    const first = sections[0]!;
    expect(first.heading).toBe("Điều 1. Phạm vi điều chỉnh");
    expect(first.citations[0]).toMatchObject({ doc: "17/2023/QH15", article: "1", status: "unknown" });
    expect(first.keywords[0]).toContain("NHỮNG QUY ĐỊNH CHUNG");
    expect(sections.at(-1)!.citations[0]!.article).toBe("15a");
  });

  it("does not start an article at an in-text reference", () => {
    expect(sections.filter((s) => s.citations[0]!.article === "4")).toEqual([]);
  });

  it("splits a long article by khoản and records the clauses", () => {
    const parts = sections.filter((s) => s.citations[0]!.article === "30");
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.citations[0]!.clause)).toEqual(["1-2", "3"]);
    expect(parts[0]!.heading).toBe("Điều 30. Điều kiện trở thành thành viên (khoản 1–2)");
    expect(parts.every((p) => p.text.length <= 1600)).toBe(true);
  });

  it("uses metadata from a sidecar over inferred values", () => {
    const [first] = splitLegalText("x.txt", LAW, {
      doc: "17/2023/QH15",
      docTitle: "Luật HTX 2023",
      status: "in_force",
    });
    expect(first!.citations[0]).toMatchObject({ docTitle: "Luật HTX 2023", status: "in_force" });
  });

  it("cuts text without any Điều into plain passages", () => {
    const report = Array.from({ length: 30 }, (_, i) => `Đoạn ${i}: tỉnh đã hỗ trợ hợp tác xã nhiều việc.`).join("\n");
    const parts = splitLegalText("bao-cao.txt", report, { doc: "Báo cáo 2023", docTitle: "Báo cáo" });
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]!.citations[0]!.article).toBeNull();
  });
});
