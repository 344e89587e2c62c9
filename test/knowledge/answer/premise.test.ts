import { describe, expect, it } from "vitest";
import {
  answersAnotherCount,
  statedCounts,
  statesMinimumCount,
  wrongCountHeard,
} from "../../../src/knowledge/answer/premise.js";

describe("counts of people a farmer heard", () => {
  it("reads counts written in digits or words, with or without diacritics", () => {
    expect(statedCounts("Nghe nói chỉ cần 3 người?")).toEqual([3]);
    expect(statedCounts("phai du bay xa vien moi lap duoc")).toEqual([7]);
    expect(statedCounts("liên hiệp chỉ cần 2 HTX thôi hả")).toEqual([2]);
    expect(statedCounts("được thêm 3 hỗ trợ")).toEqual([]);
  });

  it("tells a section written for another count apart from one about the same count or none", () => {
    expect(answersAnotherCount("Nghe nói chỉ cần 3 người?", "Nghe nói phải đủ 7 người mới lập được HTX?")).toBe(true);
    expect(answersAnotherCount("HTX phải đủ 7 người đúng không", "Nghe nói phải đủ 7 người mới lập được HTX?")).toBe(
      false,
    );
    expect(answersAnotherCount("Nghe nói chỉ cần 3 người?", "Lập hợp tác xã cần ít nhất mấy người?")).toBe(false);
  });

  it("names the heard count only when a claim is checked against another minimum", () => {
    expect(wrongCountHeard("Nghe nói chỉ cần 3 người?", "Cần ít nhất 05 thành viên chính thức.")).toBe("3 người");
    expect(wrongCountHeard("nghe noi to hop tac phai co 5 nguoi", "do ít nhất 02 thành viên tự nguyện lập ra")).toBe(
      "5 người",
    );
    expect(wrongCountHeard("Nghe nói cần 5 người?", "Cần ít nhất 05 thành viên chính thức.")).toBeNull();
    // Not a claim: a question about an HTX of 10 people is not corrected.
    expect(wrongCountHeard("HTX 10 người thì chia lãi sao", "Cần ít nhất 05 thành viên chính thức.")).toBeNull();
    expect(statesMinimumCount("Ban kiểm soát từ 03 người trở lên")).toBe(true);
    expect(statesMinimumCount("ít nhất 50% tổng số thành viên")).toBe(false);
  });
});
