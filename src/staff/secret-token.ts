import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/**
 * Random secrets for cookies, CSRF tokens and one-time links. The database only ever holds their
 * SHA-256, so a leaked backup cannot be replayed as a login.
 */
export const newSecret = (): string => randomBytes(32).toString("base64url");

export const hashSecret = (secret: string): string => createHash("sha256").update(secret).digest("hex");

/** Constant-time comparison; an empty secret never matches (a missing cookie must not equal a missing field). */
export function sameSecret(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length > 0 && x.length === y.length && timingSafeEqual(x, y);
}

/** No 0/O, 1/I/L: the code is read off a screen and typed on a phone. */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function newShortCode(length: number): string {
  return Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/** What a person typed, as it was issued: "abcd 2345" and "ABCD-2345" are the same code. */
export const normalizeShortCode = (typed: string): string => typed.toUpperCase().replace(/[^A-Z0-9]/g, "");
