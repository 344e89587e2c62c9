import { describe, expect, it } from "vitest";
import {
  answerButtons,
  communeKind,
  evaluateProgrammes,
  formatCitation,
  formatShortCard,
  formatWhy,
  loadProgrammes,
  readAnswer,
} from "../../src/eligibility/index.js";

const rules = loadProgrammes("knowledge/programmes");
const question = (id: string) => rules.questionById.get(id)!;

describe("answers", () => {
  it("offers option buttons plus Không biết", () => {
    const labels = answerButtons(question("applicant_type")).map((b) => b.label);
    expect(labels[0]).toBe("Cá nhân, hộ gia đình");
    expect(labels.at(-1)).toBe("Không biết");
    expect(answerButtons(question("adult")).map((b) => b.value)).toEqual([true, false, "unknown"]);
  });

  it("reads typed answers with or without diacritics", () => {
    expect(readAnswer(question("adult"), "co")).toMatchObject({ ok: true, value: true });
    expect(readAnswer(question("adult"), "Không")).toMatchObject({ ok: true, value: false });
    expect(readAnswer(question("adult"), "khong biet")).toMatchObject({ ok: true, value: "unknown" });
    expect(readAnswer(question("applicant_type"), "hop tac xa")).toMatchObject({ ok: true, value: "cooperative" });
    expect(readAnswer(question("applicant_type"), "5")).toMatchObject({ ok: true, value: "cooperative" });
    // Words of one option's label pick it, wherever they stand in it; words several labels have pick none.
    expect(readAnswer(question("interest"), "vay")).toMatchObject({ ok: true, value: "loan" });
    expect(readAnswer(question("applicant_type"), "ho gia dinh")).toMatchObject({ ok: true, value: "individual" });
    expect(readAnswer(question("interest"), "htx")).toMatchObject({ ok: false });
    expect(readAnswer(question("interest"), "Bảo hiểm")).toMatchObject({ ok: true, value: "insurance" });
    expect(readAnswer(question("applicant_type"), "ho kinh")).toMatchObject({ ok: true, value: "household_business" });
    expect(readAnswer(question("applicant_type"), "hộ")).toMatchObject({ ok: false });
    expect(readAnswer(question("interest"), "va")).toMatchObject({ ok: false });
    expect(readAnswer(question("member_count"), "muoi hai nguoi")).toEqual({
      ok: true,
      value: 12,
      display: "12 người",
    });
    expect(readAnswer(question("commune"), "xã  Kế Sách")).toEqual({
      ok: true,
      value: "xã Kế Sách",
      display: "xã Kế Sách",
    });
  });

  it("sends back unreadable or implausible answers with a Vietnamese reason", () => {
    expect(readAnswer(question("adult"), "có lẽ")).toMatchObject({ ok: false, reason: expect.stringContaining("Có") });
    expect(readAnswer(question("member_count"), "0")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("xem lại"),
    });
    expect(readAnswer(question("member_count"), "2 công")).toMatchObject({ ok: false });
    expect(readAnswer(question("commune"), "Kế Sách")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("xã"),
    });
  });

  it("tells a commune from a ward by its prefix", () => {
    expect(communeKind("Xã Kế Sách")).toBe("xa");
    expect(communeKind("phuong Ninh Kieu")).toBe("phuong");
    expect(communeKind("Đặc khu Côn Đảo")).toBe("dac_khu");
    expect(communeKind("Kế Sách")).toBeUndefined();
  });
});

describe("format", () => {
  it("cites article, clause, point and the amending decree", () => {
    expect(
      formatCitation({ doc: "55/2015/NĐ-CP", article: "9", clause: "2", point: "a", amended_by: "156/2025/NĐ-CP" }),
    ).toBe("điểm a khoản 2 Điều 9 Nghị định 55/2015/NĐ-CP (sửa đổi bởi 156/2025/NĐ-CP)");
    expect(formatCitation({ doc: "37/2023/NĐ-CP", article: null })).toBe("Nghị định 37/2023/NĐ-CP (chưa rõ Điều)");
    expect(formatCitation({ doc: "17/2023/QH15", article: "18" })).toBe("Điều 18 Luật 17/2023/QH15");
  });

  it("renders a short card with the ceiling and a hint to ask again, and the why-trace with the caveats", () => {
    const answers = { applicant_type: "individual", works_in_agriculture: true, has_bad_debt: false };
    const [first] = evaluateProgrammes(rules, answers, new Date("2026-03-01T12:00:00+07:00"));
    expect(first?.outcome).toBe("eligible");
    const card = formatShortCard(first!);
    expect(card).toContain("✅ Phù hợp");
    expect(card).toContain("tối đa 300 triệu đồng, áp dụng từ 01/07/2025");
    expect(card).toContain("nên hỏi lại");
    const why = formatWhy(first!);
    expect(why).toContain("✔");
    expect(why).toContain("nên hỏi lại");
  });

  it("words a failed condition that rests on an uncertain source as 'có thể chưa phù hợp', not a firm no", () => {
    const answers = { applicant_type: "individual", farmers_union_member: false };
    const fund = evaluateProgrammes(rules, answers, new Date("2026-03-01T12:00:00+07:00")).find(
      (r) => r.id === "quy-ho-tro-nong-dan",
    )!;
    expect(fund.outcome).toBe("doubtful");
    expect(formatShortCard(fund)).toMatch(/^⚠ Có thể chưa phù hợp, nên hỏi lại: Vay vốn Quỹ Hỗ trợ nông dân/);
    for (const text of [formatShortCard(fund), formatWhy(fund)]) {
      expect(text).toContain("⚠ Có thể chưa phù hợp: Quỹ cho hội viên Hội Nông dân Việt Nam vay.");
      expect(text).toContain("Hội Nông dân xã");
      expect(text).not.toContain("✘");
    }
  });

  it("reports an ended programme with the dates it ran", () => {
    const ended = evaluateProgrammes(rules, {}, new Date("2026-03-01T12:00:00+07:00")).find(
      (r) => r.id === "ho-tro-lai-suat-2pct",
    )!;
    expect(formatShortCard(ended)).toContain("⏹ Đã kết thúc");
    expect(formatShortCard(ended)).toContain("31/12/2023");
  });
});
