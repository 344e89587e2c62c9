import { describe, expect, it } from "vitest";
import { createReferenceCode, REFERENCE_ALPHABET } from "../../src/leads/reference-code.js";

describe("reference codes", () => {
  it("uses the injected randomness", () => {
    const picks = [5, 17, 1, 21, 7];
    let i = 0;
    expect(createReferenceCode(() => picks[i++]!)).toBe("HTX-7K3Q9");
  });

  it("has no look-alike characters", () => {
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OILUV]/);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(REFERENCE_ALPHABET.length);
  });

  it("produces well-formed, varied codes by default", () => {
    const codes = new Set(Array.from({ length: 200 }, () => createReferenceCode()));
    for (const code of codes) expect(code).toMatch(/^HTX-[2-9A-HJKMNP-TW-Z]{5}$/);
    expect(codes.size).toBeGreaterThan(190);
  });
});
