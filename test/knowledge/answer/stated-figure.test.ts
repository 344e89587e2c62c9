import { describe, expect, it } from "vitest";
import { holdsStatedFigure, statedFigures } from "../../../src/knowledge/answer/stated-figure.js";

describe("figures the asker states about their case", () => {
  it("reads figures with their unit, people counted as members too", () => {
    expect(statedFigures("con tui 16 tuổi, tổ mới được 8 thang, có 3 thành viên")).toEqual([
      { value: 16, unit: "tuoi" },
      { value: 8, unit: "thang" },
      { value: 3, unit: "nguoi" },
    ]);
    expect(statedFigures("Điều 30 nói gì")).toEqual([]);
  });

  it("finds a range holding the figure, in the same unit only", () => {
    const sixteen = statedFigures("16 tuoi");
    expect(holdsStatedFigure("Người từ đủ 15 đến dưới 18 tuổi được làm thành viên liên kết", sixteen)).toBe(true);
    expect(holdsStatedFigure("con em 15–17 tuổi có thể tham gia", sixteen)).toBe(true);
    expect(holdsStatedFigure("Phải từ đủ 18 tuổi", sixteen)).toBe(false);
    expect(holdsStatedFigure("từ 15 đến 18 tháng", sixteen)).toBe(false);
  });
});
