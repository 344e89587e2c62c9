import { describe, expect, it } from "vitest";
import { coversFocus, subjectsOf } from "../../../src/knowledge/answer/focus.js";

describe("question focus", () => {
  it("needs both subjects of a two-subject question in the passage", () => {
    const question = subjectsOf("htx giai the thi tien gop cua tui sao");
    expect([...question].sort()).toEqual(["capital", "dissolution"]);
    expect(coversFocus(question, subjectsOf("HTX tạm ngừng hay giải thể thì tiền bảo hiểm xã hội của người lao động"))).toBe(false);
    expect(coversFocus(question, subjectsOf("Khi giải thể, phần còn dư chia cho thành viên theo tỷ lệ phần vốn góp"))).toBe(true);
  });

  it("lets one of three or more subjects be missing, and a question without subjects pass", () => {
    const question = subjectsOf("đại hội biểu quyết giải thể HTX");
    expect(question.size).toBe(3);
    expect(coversFocus(question, subjectsOf("Đại hội biểu quyết với 65% phiếu tán thành"))).toBe(true);
    expect(coversFocus(new Set(), subjectsOf("bất kỳ"))).toBe(true);
  });
});
