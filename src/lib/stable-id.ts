import { createHash } from "node:crypto";

/**
 * Maps an opaque string (a web chat session, later a Zalo user id) to a positive integer that fits
 * Telegram-shaped updates (chat ids, update ids are numbers) and JavaScript's safe integer range.
 */
export function stableNumericId(...parts: string[]): number {
  const digest = createHash("sha256").update(parts.join("\u0000")).digest();
  // 48 bits: far from collisions at our scale, well inside Number.MAX_SAFE_INTEGER.
  return digest.readUIntBE(0, 6) + 1;
}
