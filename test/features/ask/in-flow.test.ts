import { describe, expect, it } from "vitest";
import { looksLikeQuestion } from "../../../src/features/ask/in-flow.js";

describe("looksLikeQuestion", () => {
  it.each([
    "HTX cần mấy người?",
    "vay duoc bao nhieu vay",
    "lập htx thì làm sao",
    "cán bộ gọi lúc nào",
    "có cần giấy tờ gì không",
    "vay tin chap dc nhiu vay",
    "tui co 5 cong ruong thi vay dc ko",
    "lap htx thi tui phai gop von nhiu",
    "lap htx thi can it nhat may nguoi vay",
  ])("%j is a question", (text) => {
    expect(looksLikeQuestion(text)).toBe(true);
  });

  it.each([
    "Nguyễn Văn An",
    "không biết",
    "hông có",
    "2 công",
    "lua + nuoi tom",
    "sáng hay chiều cũng được",
    "?",
    "may cay lua",
  ])("%j is an answer, not a question", (text) => {
    expect(looksLikeQuestion(text)).toBe(false);
  });
});
