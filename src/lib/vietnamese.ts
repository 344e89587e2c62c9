/**
 * The one text normalizer for Vietnamese. Farmers often type without diacritics
 * ("htx can may nguoi"), so every comparison of user text goes through `foldVietnamese`.
 */

/** Removes diacritics and maps đ/Đ to d/D; keeps case. */
export function stripDiacritics(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

/** Lower-case, diacritic-free, single-spaced form used for matching and search keys. */
export function foldVietnamese(text: string): string {
  return stripDiacritics(text.normalize("NFC"))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Word-boundary, diacritic-insensitive containment: "5 người" does not match "15 người". */
export function containsPhrase(haystack: string, needle: string): boolean {
  const h = ` ${foldVietnamese(haystack)} `;
  const n = foldVietnamese(needle);
  return n.length > 0 && h.includes(` ${n} `);
}
