import { describe, expect, it } from "vitest";
import { twoParts } from "../../../src/knowledge/answer/two-part.js";

describe("twoParts", () => {
  it("splits 'A, còn B thì sao' and asks B with A's topic, B's organisation replacing A's", () => {
    const parts = twoParts("HTX cần mấy người, còn tổ hợp tác thì sao?");
    expect(parts?.asked).toEqual(["HTX cần mấy người", "tổ hợp tác thì sao?"]);
    expect(parts?.searched[1]).toContain("can bao nhieu nguoi");
    expect(parts?.searched[1]).not.toContain("hop tac xa");
  });

  it("splits at 'với lại', at a second question mark and at a comma between two questions", () => {
    expect(twoParts("Vay ngân hàng được bao nhiêu với lại lãi suất mấy phần trăm?")?.asked).toEqual([
      "Vay ngân hàng được bao nhiêu",
      "lãi suất mấy phần trăm?",
    ]);
    expect(twoParts("Giải thể HTX cần bao nhiêu phiếu? Tiền góp có được trả lại không?")?.asked[1]).toBe(
      "Tiền góp có được trả lại không?",
    );
    const comma = twoParts("ban kiem soat htx toi da may nguoi, nhiem ky may nam");
    expect(comma?.asked).toEqual(["ban kiem soat htx toi da may nguoi", "nhiem ky may nam"]);
    // "nhiệm kỳ mấy năm" alone names no board: the first part's topic goes with it.
    expect(comma?.searched[1]).toContain("ban kiem soat");
  });

  it("asks a second part naming a subject of its own without the first's topic, keeping who the first is about", () => {
    // A capital question's topic would pull "how often does the general meeting meet" back to capital.
    const meeting = twoParts("gop von toi da bao nhieu?dai hoi bao lau hop 1 lan?");
    expect(meeting?.asked).toEqual(["gop von toi da bao nhieu", "dai hoi bao lau hop 1 lan?"]);
    expect(meeting?.searched[1]).toBe("dai hoi bao lau hop 1 lan?");
    const union = twoParts("liên hiệp HTX cần mấy thành viên, còn vốn góp tối đa bao nhiêu?");
    expect(union?.searched[1]).toContain("lien hiep");
    expect(union?.searched[1]).not.toContain("thanh vien");
  });

  it("keeps one question whole: a stated fact, a negated question word, an either-or, one question mark", () => {
    expect(twoParts("con tui 16 tuổi, vô HTX được hông?")).toBeNull();
    expect(twoParts("Ông giám đốc đi mấy tháng nay mà hổng ủy quyền cho ai hết. HTX phải làm sao?")).toBeNull();
    expect(twoParts("HTX có được từ chối người vì là phụ nữ hay theo đạo khác không?")).toBeNull();
    expect(twoParts("Quyền và nghĩa vụ của thành viên HTX là gì?")).toBeNull();
  });
});
