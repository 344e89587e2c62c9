import { describe, expect, it } from "vitest";
import { coversFocus, namesOurDomain, subjectsOf } from "../../../src/knowledge/answer/focus.js";

describe("question focus", () => {
  it("needs both subjects of a two-subject question in the passage", () => {
    const question = subjectsOf("htx giai the thi tien gop cua tui sao");
    expect([...question].sort()).toEqual(["capital", "dissolution"]);
    expect(
      coversFocus(question, subjectsOf("HTX tạm ngừng hay giải thể thì tiền bảo hiểm xã hội của người lao động")),
    ).toBe(false);
    expect(
      coversFocus(question, subjectsOf("Khi giải thể, phần còn dư chia cho thành viên theo tỷ lệ phần vốn góp")),
    ).toBe(true);
  });

  it("lets one of three or more subjects be missing, and a question without subjects pass", () => {
    const question = subjectsOf("đại hội biểu quyết giải thể HTX");
    expect(question.size).toBe(3);
    expect(coversFocus(question, subjectsOf("Đại hội biểu quyết với 65% phiếu tán thành"))).toBe(true);
    expect(coversFocus(new Set(), subjectsOf("bất kỳ"))).toBe(true);
  });

  it("reads 'đất' and 'thuế' typed with diacritics, not 'đạt' or 'thuê'", () => {
    expect(subjectsOf("Góp bằng đất thì có mất đất không?").has("land")).toBe(true);
    expect(subjectsOf("HTX đạt chuẩn thì được gì").has("land")).toBe(false);
    expect(subjectsOf("Thuế của HTX ra sao").has("tax")).toBe(true);
  });

  it("does not read 'số lượng' (how many) or 'chất lượng' as 'lương' (salary)", () => {
    expect(subjectsOf("so luong thanh vien toi thieu cua htx la bao nhieu").has("salary")).toBe(false);
    expect(subjectsOf("chất lượng lúa gạo").has("salary")).toBe(false);
    expect(subjectsOf("giam doc htx lanh luong bao nhieu").has("salary")).toBe(true);
  });

  it("reads a fund's name as a lender, not as a question about support", () => {
    expect(subjectsOf("no xau thi vay quy ho tro phat trien HTX duoc hong").has("support")).toBe(false);
    expect(subjectsOf("Quỹ hỗ trợ nông dân cho vay bao nhiêu").has("support")).toBe(false);
    expect(subjectsOf("quy ho tro nong dan ho tro gi").has("support")).toBe(true);
  });

  it("reads taxes in farmers' words, not rent", () => {
    expect(subjectsOf("thue htx dong bao nhieu").has("tax")).toBe(true);
    expect(subjectsOf("HTX đóng thuế sao").has("tax")).toBe(true);
    expect(subjectsOf("thuê máy gặt của HTX").has("tax")).toBe(false);
  });

  it.each([
    "nha tui 4 nguoi muon thanh lap nhom lam an chung",
    "Ông chủ nhiệm ký giấy tờ một mình được không?",
    "tien hun vo co lay lai duoc khong",
    "UBND xã có quyền bắt tụi tui trồng giống gì không",
  ])("sees our domain in %j", (text) => {
    expect(namesOurDomain(text)).toBe(true);
  });

  it.each(["bot co biet hat khong", "Chiều nay đi chợ mua gì ăn?", "con tui hoc lop may roi"])(
    "sees nothing of our domain in %j",
    (text) => {
      expect(namesOurDomain(text)).toBe(false);
    },
  );
});
