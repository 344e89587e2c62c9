import { describe, expect, it } from "vitest";
import { maskPhone, parsePhone } from "../../src/lib/phone.js";

describe("parsePhone", () => {
  it.each([
    "0912345678",
    "0912 345 678",
    "0912.345.678",
    "0912-345-678",
    "+84 912 345 678",
    "+84912345678",
    "84912345678",
    "0084912345678",
    "(+84)912-345-678",
    "+84 0912 345 678",
    "912345678",
    "sđt: 0912 345 678 nha",
  ])("normalizes %s", (input) => {
    expect(parsePhone(input)).toEqual({ ok: true, e164: "+84912345678", display: "0912 345 678" });
  });

  it.each(["0321234567", "0523456789", "0701234567", "0812345678", "0889999999", "0991234567"])(
    "accepts current mobile prefix %s",
    (input) => expect(parsePhone(input).ok).toBe(true),
  );

  it("keeps a 9-digit national number starting with 84 as Vinaphone 084", () => {
    expect(parsePhone("845123456")).toMatchObject({ ok: true, e164: "+84845123456" });
  });

  it("rejects old 11-digit numbers and suggests the new one", () => {
    expect(parsePhone("01689 123 456")).toEqual({
      ok: false,
      reason: "old_prefix",
      suggestion: { e164: "+84389123456", display: "0389 123 456" },
    });
    expect(parsePhone("+84 1207 654 321")).toMatchObject({
      reason: "old_prefix",
      suggestion: { display: "0707 654 321" },
    });
  });

  it.each([
    ["", "empty"],
    ["không có", "empty"],
    ["0912 345", "too_short"],
    ["09123456789", "too_long"],
    ["+1 415 555 0100", "foreign"],
    ["0292 3821 234", "landline"],
    ["0951234567", "not_mobile"],
    ["0612345678", "not_mobile"],
    ["0112345678", "not_mobile"],
  ])("rejects %j as %s", (input, reason) => {
    expect(parsePhone(input)).toMatchObject({ ok: false, reason });
  });
});

describe("maskPhone", () => {
  it("hides the middle digits", () => {
    expect(maskPhone("+84912345678")).toBe("0912 *** 678");
    expect(maskPhone("0912.345.678")).toBe("0912 *** 678");
  });

  it("never shows a whole invalid number", () => {
    expect(maskPhone("01689123456")).toBe("*** 456");
    expect(maskPhone("12")).toBe("***");
  });
});
