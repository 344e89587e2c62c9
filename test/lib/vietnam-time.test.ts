import { describe, expect, it } from "vitest";
import { displayDate, displayDateTime, vietnamDate, vietnamDayStart } from "../../src/lib/vietnam-time.js";

describe("vietnam time", () => {
  it("takes the calendar day in Vietnam, not in UTC", () => {
    expect(vietnamDate(new Date("2025-06-30T16:59:59Z"))).toBe("2025-06-30");
    expect(vietnamDate(new Date("2025-06-30T17:00:00Z"))).toBe("2025-07-01");
    expect(vietnamDayStart("2025-07-01").toISOString()).toBe("2025-06-30T17:00:00.000Z");
  });

  it("shows dates the Vietnamese way", () => {
    expect(displayDate("2025-07-01")).toBe("01/07/2025");
    expect(displayDate("không rõ")).toBe("không rõ");
    expect(displayDateTime(new Date("2026-11-27T07:05:00Z"))).toBe("27/11/2026 14:05");
  });
});
