import { describe, expect, it } from "vitest";
import { decideOaSend, FREE_REPLIES, REPLY_WINDOW_MS } from "../../../src/channels/zalo-oa/delivery-rules.js";

describe("Zalo OA delivery rules", () => {
  const now = new Date("2026-12-01T10:00:00Z");
  const wrote = (msAgo: number, sent = 0) => ({
    lastInboundAt: new Date(now.getTime() - msAgo),
    sentSinceInbound: sent,
  });
  const unverified = { verified: false, monthlyQuota: 1000, usedThisMonth: 0 };
  const verified = { verified: true, monthlyQuota: 2, usedThisMonth: 0 };

  it("a message within 48 hours of the farmer's last message is a free reply, 8 of them", () => {
    expect(decideOaSend(wrote(60_000), unverified, now)).toEqual({ kind: "reply" });
    expect(decideOaSend(wrote(REPLY_WINDOW_MS), unverified, now)).toEqual({ kind: "reply" });
    expect(decideOaSend(wrote(60_000, FREE_REPLIES - 1), unverified, now)).toEqual({ kind: "reply" });
  });

  it("after 48 hours, or the 9th message, an unverified OA may not send", () => {
    expect(decideOaSend(wrote(REPLY_WINDOW_MS + 1), unverified, now)).toEqual({
      kind: "refused",
      reason: "oa-window-closed",
    });
    expect(decideOaSend(wrote(60_000, FREE_REPLIES), unverified, now)).toEqual({
      kind: "refused",
      reason: "oa-window-closed",
    });
    expect(decideOaSend(undefined, unverified, now)).toEqual({ kind: "refused", reason: "oa-never-wrote" });
  });

  it("a verified OA sends it as proactive while the month's quota lasts", () => {
    expect(decideOaSend(wrote(REPLY_WINDOW_MS + 1), verified, now)).toEqual({ kind: "proactive" });
    expect(decideOaSend(wrote(REPLY_WINDOW_MS + 1), { ...verified, usedThisMonth: 2 }, now)).toEqual({
      kind: "refused",
      reason: "oa-quota-used",
    });
  });
});
