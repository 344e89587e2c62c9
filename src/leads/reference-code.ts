import { randomInt } from "node:crypto";

/**
 * Short codes farmers read over the phone or type back ("HTX-7K3Q9"). The alphabet leaves out
 * 0/O, 1/I/L and U/V, which get confused when read aloud or written by hand.
 * 29^5 ≈ 20 million codes: the caller stores codes under a unique constraint and retries on clash.
 */
export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
export const REFERENCE_PREFIX = "HTX-";
export const REFERENCE_LENGTH = 5;
/** A lead's code as a regular-expression source, next to the question codes' (QUESTION_REFERENCE_PATTERN). */
export const LEAD_REFERENCE_PATTERN = `${REFERENCE_PREFIX}[${REFERENCE_ALPHABET}]{${REFERENCE_LENGTH}}`;

/** Returns an integer in [0, maxExclusive); injectable so tests are deterministic. */
export type RandomInt = (maxExclusive: number) => number;

export function createReferenceCode(random: RandomInt = randomInt): string {
  let code = "";
  for (let i = 0; i < REFERENCE_LENGTH; i++) code += REFERENCE_ALPHABET[random(REFERENCE_ALPHABET.length)];
  return REFERENCE_PREFIX + code;
}
