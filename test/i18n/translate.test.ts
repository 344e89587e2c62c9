import { describe, expect, it } from "vitest";
import { translationKeys, translator } from "../../src/i18n/translate.js";

describe("translator", () => {
  it("formats a Vietnamese message", () => {
    expect(translator("vi")("app-name")).toBe("Trợ lý HTX");
  });

  it("throws on a missing key so typos are caught", () => {
    expect(() => translator("vi")("no-such-key")).toThrow(/no-such-key/);
  });

  it("has no duplicate keys across locale files", () => {
    const keys = translationKeys("vi");
    expect(new Set(keys).size).toBe(keys.length);
  });
});
