import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/translate.js";
import {
  allowedTransitions,
  canTransition,
  isForwardMove,
  isLeadStatus,
  LEAD_STATUSES,
  needsReason,
  statusLabelKey,
} from "../../src/leads/lead-status.js";

describe("lead status workflow", () => {
  it("follows mới → đã liên hệ → đang hỗ trợ → đã thành lập", () => {
    expect(canTransition("new", "contacted")).toBe(true);
    expect(canTransition("contacted", "supporting")).toBe(true);
    expect(canTransition("supporting", "founded")).toBe(true);
  });

  it("allows closing any open lead, reopening a closed one, nothing after founding", () => {
    for (const from of ["new", "contacted", "supporting"] as const) expect(canTransition(from, "closed")).toBe(true);
    expect(allowedTransitions("closed")).toEqual(["contacted"]);
    expect(allowedTransitions("founded")).toEqual(["supporting"]);
  });

  it("forbids skipping steps", () => {
    expect(canTransition("new", "founded")).toBe(false);
    expect(canTransition("new", "supporting")).toBe(false);
    expect(canTransition("supporting", "new")).toBe(false);
  });

  it("allows one step back, and asks a reason for it and for closing", () => {
    expect(canTransition("contacted", "new")).toBe(true);
    expect(canTransition("founded", "supporting")).toBe(true);
    expect(needsReason("founded", "supporting")).toBe(true);
    expect(needsReason("new", "closed")).toBe(true);
    expect(needsReason("new", "contacted")).toBe(false);
    expect(isForwardMove("supporting", "contacted")).toBe(false);
    expect(isForwardMove("closed", "contacted")).toBe(true);
  });

  it("has Vietnamese labels", () => {
    const t = translator("vi");
    expect(LEAD_STATUSES.map((s) => t(statusLabelKey(s)))).toEqual([
      "Mới",
      "Đã liên hệ",
      "Đang hỗ trợ",
      "Đã thành lập",
      "Đóng",
    ]);
  });

  it("recognizes stored values", () => {
    expect(isLeadStatus("supporting")).toBe(true);
    expect(isLeadStatus("deleted")).toBe(false);
  });
});
