import { describe, expect, it } from "vitest";
import {
  consentHash,
  consentRecord,
  CONSENT_VERSION,
  currentConsent,
  readConsentReply,
} from "../../src/leads/consent.js";

const CONTROLLER = "Hội Nông dân thành phố Cần Thơ";

describe("consent text", () => {
  const consent = currentConsent(CONTROLLER);

  it("tells what, why, who, how long and how to see or erase (Luật 91/2025 Điều 9 khoản 2)", () => {
    expect(consent.text).toContain("số điện thoại");
    expect(consent.text).toContain("Mục đích");
    expect(consent.text).toContain(CONTROLLER);
    expect(consent.text).toContain("cán bộ Hội Nông dân");
    expect(consent.text).toContain("24 tháng");
    expect(consent.text).toContain("/dulieu");
    expect(consent.text).toContain("/xoa");
  });

  it("is versioned and hashed; changing the text requires a new version", () => {
    expect(consent.version).toBe(CONSENT_VERSION);
    expect(consent.hash).toBe(consentHash(consent.text));
    // If this fails you changed leads-consent-text: bump CONSENT_VERSION, then update the hash.
    expect({ version: CONSENT_VERSION, hash: consent.hash }).toEqual({
      version: "2026-11-v1",
      hash: "52489804dbe55a1116a0dd8129110096f6119251c7b1707023453085766301ec",
    });
  });

  it("hashes the controller too", () => {
    expect(currentConsent("Another").hash).not.toBe(consent.hash);
  });

  it("records what was agreed to and when", () => {
    const at = new Date("2026-11-27T03:00:00Z");
    expect(consentRecord(consent, at)).toEqual({ version: CONSENT_VERSION, hash: consent.hash, givenAt: at });
  });
});

describe("readConsentReply", () => {
  it.each([
    ["agree", "agree"],
    ["Đồng ý", "agree"],
    ["ok", "agree"],
    ["decline", "decline"],
    ["không đồng ý", "decline"],
    ["Không", "decline"],
    ["", undefined],
    ["để tôi hỏi lại", undefined],
  ])("%j → %s", (text, reply) => expect(readConsentReply(text)).toBe(reply));
});
