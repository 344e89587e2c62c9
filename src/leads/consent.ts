import { createHash } from "node:crypto";
import { translator, type Translate } from "../i18n/translate.js";
import { containsPhrase } from "../lib/vietnamese.js";

/**
 * The consent a farmer gives before a lead is saved. Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15
 * (in force 01/01/2026):
 * - Điều 9 khoản 2: consent is valid only if voluntary and the person knows the kind of data and
 *   purpose (a), who controls it (b), and their rights and obligations (c) — all in the text.
 * - Điều 9 khoản 3: it must be expressed clearly and be printable/copyable, incl. electronically
 *   in a verifiable form — hence the stored version id and content hash.
 * - Điều 9 khoản 4: per purpose (a), not bundled with other purposes (b), valid until changed (c),
 *   and silence or no reply is not consent (d) — `readConsentReply` never defaults to "agree".
 * - Điều 4 khoản 1: rights to know, to consent or withdraw, to see, correct, erase (b, c, d) —
 *   the text names /dulieu and /xoa.
 * - Điều 3 khoản 3: kept only as long as the purpose needs — `RETENTION_MONTHS`.
 * - Điều 7 khoản 6: no buying or selling of personal data — the text promises none.
 * Changing the text requires a new CONSENT_VERSION (the test pins the hash).
 */
export const CONSENT_VERSION = "2026-11-v1";
export const RETENTION_MONTHS = 24;

export type Consent = { version: string; text: string; hash: string };
/** What to store with a lead: proof of which text the farmer agreed to, and when. */
export type ConsentRecord = { version: string; hash: string; givenAt: Date };

export function consentHash(text: string): string {
  return createHash("sha256").update(text.normalize("NFC"), "utf8").digest("hex");
}

/**
 * @param controller the organization that decides on and keeps the data (Điều 2 khoản 7), named to
 *   the farmer as required by Điều 9 khoản 2 điểm b.
 */
export function currentConsent(controller: string, t: Translate = translator()): Consent {
  const text = t("leads-consent-text", { controller, months: RETENTION_MONTHS });
  return { version: CONSENT_VERSION, text, hash: consentHash(text) };
}

export function consentRecord(consent: Pick<Consent, "version" | "hash">, givenAt: Date): ConsentRecord {
  return { version: consent.version, hash: consent.hash, givenAt };
}

const AGREE = ["dong y", "agree", "co", "ok", "oke", "u", "chiu"];
const DECLINE = ["khong", "khong dong y", "decline", "thoi", "tu choi"];

/**
 * Button payloads ("agree"/"decline") or typed replies. Anything unclear is undefined, never
 * consent (Điều 9 khoản 4 điểm d): the chat asks again.
 */
export function readConsentReply(text: string): "agree" | "decline" | undefined {
  const declines = DECLINE.some((p) => containsPhrase(text, p));
  const agrees = AGREE.some((p) => containsPhrase(text, p));
  // "không đồng ý" contains "đồng ý": a refusal always wins.
  if (declines) return "decline";
  return agrees ? "agree" : undefined;
}
