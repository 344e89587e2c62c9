import { describe, expect, it } from "vitest";
import { quoteList } from "../../../src/knowledge/answer/list-quote.js";
import { questionWants } from "../../../src/knowledge/answer/passage.js";

const NINE = [
  "Luật có 9 nhóm hỗ trợ cho tổ hợp tác, hợp tác xã:",
  ...Array.from({ length: 9 }, (_, i) => `${i + 1}. Nhóm hỗ trợ số ${i + 1}.`),
  "",
  "Không phải ai cũng được tự động hưởng: phải đạt tiêu chí ở Điều 18.",
].join("\n");

describe("quoteList", () => {
  it("quotes every item of a list after the line introducing it, and the short line after it", () => {
    const quote = quoteList(`Mở đầu.\n${NINE}`)!;
    expect(quote.split("\n")).toHaveLength(11);
    expect(quote).toContain("9. Nhóm hỗ trợ số 9.");
    expect(quote).toContain("Không phải ai cũng được tự động hưởng");
    expect(quote).not.toContain("Mở đầu");
  });

  it("fits a shorter budget when one is given, ending with '…' where items were left out", () => {
    const quote = quoteList(`Mở đầu.\n${NINE}`, 200)!;
    expect(quote.length).toBeLessThanOrEqual(200);
    expect(quote).toContain("1. Nhóm hỗ trợ số 1.");
    expect(quote.split("\n").at(-1)).toBe("…");
  });

  it("shortens long items at a clause so the whole list fits a phone screen", () => {
    const long = Array.from(
      { length: 8 },
      (_, i) => `- Việc ${i + 1}, gồm rất nhiều chi tiết dài dòng, ${"chữ ".repeat(30)}`,
    );
    const quote = quoteList(["Gồm:", ...long].join("\n"))!;
    expect(quote.length).toBeLessThanOrEqual(560);
    expect(quote).toContain("- Việc 8, gồm rất nhiều chi tiết dài dòng…");
  });

  it("keeps group headers and the sentence saying what the groups are", () => {
    const text =
      "Điều lệ có 19 nhóm nội dung.\n\nPhần thành viên:\n- Tên.\n- Kết nạp.\n\nPhần vốn:\n- Vốn góp.\n- Phí.";
    expect(quoteList(text)).toBe(
      "Điều lệ có 19 nhóm nội dung.\nPhần thành viên:\n- Tên.\n- Kết nạp.\nPhần vốn:\n- Vốn góp.\n- Phí.",
    );
  });

  it("is null for a text without a list of three items", () => {
    expect(quoteList("Một câu. Hai câu.\n- Chỉ một ý.\n- Hai ý.")).toBeNull();
  });
});

describe("questionWants list", () => {
  it.each([
    "nha nuoc ho tro htx nhung gi",
    "hồ sơ gồm giấy tờ gì",
    "tv co nhung quyen j",
    "htx co may loai thanh vien",
    // Support and benefits are listed by the law ("được 6 ưu đãi: …"): the farmer wants them all.
    "chuyen len htx duoc ho tro gi",
    "lap htx co nhung uu dai nao",
  ])("%j wants a list", (question) => expect(questionWants(question).list).toBe(true));
  it.each(["htx can may nguoi", "vay duoc bao nhieu", "góp vốn bằng đất được không"])("%j does not", (question) =>
    expect(questionWants(question).list).toBe(false),
  );
});
