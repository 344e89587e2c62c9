import { describe, expect, it } from "vitest";
import { containsPhrase, foldVietnamese, stripDiacritics } from "../../src/lib/vietnamese.js";

describe("vietnamese normalizer", () => {
  it("folds diacritics and đ", () => {
    expect(stripDiacritics("Đăng ký hợp tác xã")).toBe("Dang ky hop tac xa");
    expect(foldVietnamese("  HTX cần mấy   người?")).toBe("htx can may nguoi");
  });

  it("treats composed and decomposed input alike", () => {
    expect(foldVietnamese("Hòa".normalize("NFD"))).toBe(foldVietnamese("Hòa"));
  });

  it("matches on word boundaries only", () => {
    expect(containsPhrase("cần ít nhất 5 người", "5 nguoi")).toBe(true);
    expect(containsPhrase("cần 15 người", "5 người")).toBe(false);
    expect(containsPhrase("không theo", "không thể")).toBe(false);
  });
});
