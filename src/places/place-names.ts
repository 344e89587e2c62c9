import { foldVietnamese } from "../lib/vietnamese.js";

/**
 * Matching keys for place names. Farmers type without diacritics, with typos, with or without
 * "xã"/"p."/"tt", and with old-register spellings ("Hoà" vs "Hòa", "II" vs "2"), so names are
 * compared on folded, prefix-free keys; the diacritics are kept aside only to prefer an exact
 * spelling ("Vĩnh Thành" vs "Vĩnh Thạnh") when the farmer did type them.
 */
export type NameKey = {
  /** Folded, prefix-free, space-separated: "hoa tu 2". */
  folded: string;
  /** `folded` without spaces, so "vinhloi" still matches "vinh loi". */
  compact: string;
  /** Lower-case with diacritics, tone marks moved to the end of each syllable ("hoà" = "hòa"). */
  spelling: string;
  hasDiacritics: boolean;
  /** The digits in the name, which must agree for a fuzzy match ("Phường 5" ≠ "Phường 7"). */
  digits: string;
};

/** The unit kind a prefix names; "area" is a district- or province-level word. */
export type PrefixKind = "xã" | "phường" | "thị trấn" | "đặc khu" | "area";

/** Administrative words people put before a name, in folded tokens; multi-word entries first. */
const PREFIXES: [string[], PrefixKind][] = [
  [["thi", "tran"], "thị trấn"],
  [["dac", "khu"], "đặc khu"],
  [["thanh", "pho"], "area"],
  [["thi", "xa"], "area"],
  [["xa"], "xã"],
  [["x"], "xã"],
  [["phuong"], "phường"],
  [["p"], "phường"],
  [["tt"], "thị trấn"],
  [["huyen"], "area"],
  [["h"], "area"],
  [["quan"], "area"],
  [["q"], "area"],
  [["tinh"], "area"],
  [["tp"], "area"],
  [["tx"], "area"],
];

const ROMAN: Record<string, string> = { i: "1", ii: "2", iii: "3", iv: "4", v: "5", vi: "6", vii: "7" };
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Tokens of a text: folded and with diacritics, aligned one to one. */
export type Tokens = { folded: string[]; spelled: string[] };

export function tokenize(text: string): Tokens {
  const spelled = text
    .normalize("NFC")
    .toLowerCase()
    // "p5", "q3": a one-letter prefix glued to a number.
    .replace(/(^|[^\p{L}])([pqx])(\d)/gu, "$1$2 $3")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
  return { folded: spelled.map(foldVietnamese), spelled };
}

export function sliceTokens(tokens: Tokens, start: number, end?: number): Tokens {
  return { folded: tokens.folded.slice(start, end), spelled: tokens.spelled.slice(start, end) };
}

/** The leading administrative prefix, if any: how many tokens it spans and what it names. */
export function leadingPrefix(tokens: Tokens): { length: number; kind: PrefixKind } | undefined {
  for (const [words, kind] of PREFIXES) {
    if (tokens.folded.length > words.length && words.every((w, i) => tokens.folded[i] === w)) {
      return { length: words.length, kind };
    }
  }
  return undefined;
}

function syllableSpelling(token: string): string {
  const decomposed = token.normalize("NFD");
  return decomposed.replace(TONE_MARKS, "") + (decomposed.match(TONE_MARKS) ?? []).join("");
}

const ABBREVIATIONS = new Set(["p", "x", "h", "q", "tt", "tp", "tx"]);

/** Abbreviations ("p", "tt") never begin a real name; full words ("phường", "quan", "xà") may. */
export function startsWithAbbreviation(tokens: Tokens): boolean {
  return ABBREVIATIONS.has(tokens.folded[0] ?? "");
}

/** True when the last token is a lone prefix word such as "huyện" or "tỉnh". */
export function endsWithPrefixWord(tokens: Tokens): boolean {
  const last = tokens.folded.at(-1);
  return PREFIXES.some(([words]) => words.length === 1 && words[0] === last);
}

/** Key of already prefix-free tokens. */
export function keyOf(tokens: Tokens): NameKey {
  // Roman numerals only end names ("Hòa Tú II", "Phường V"); converting just the last token keeps
  // words like "Vị" (folded "vi") intact, and query and name go through the same rule.
  const last = tokens.folded.length - 1;
  const roman = (t: string, i: number) => (i === last ? (ROMAN[foldVietnamese(t)] ?? t) : t);
  const folded = tokens.folded.map(roman).join(" ");
  const spelledTokens = tokens.spelled.map((t, i) => roman(t, i));
  return {
    folded,
    compact: folded.replace(/ /g, ""),
    spelling: spelledTokens.map(syllableSpelling).join(" "),
    hasDiacritics: spelledTokens.join(" ") !== folded,
    digits: folded.replace(/\D/g, ""),
  };
}

/** Key of an official name such as "Xã Hòa Tú II" or "Tỉnh Sóc Trăng": its prefix is dropped. */
export function officialNameKey(name: string): NameKey {
  const tokens = tokenize(name);
  return keyOf(sliceTokens(tokens, leadingPrefix(tokens)?.length ?? 0));
}

// Reused rows: the resolver computes thousands of distances per query.
let previousRow = new Uint16Array(64);
let currentRow = new Uint16Array(64);

/** Edit distance, giving up (returning max + 1) as soon as it must exceed `max`. */
function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (previousRow.length <= b.length) {
    previousRow = new Uint16Array(b.length + 1);
    currentRow = new Uint16Array(b.length + 1);
  }
  for (let j = 0; j <= b.length; j++) previousRow[j] = j;
  for (let i = 1; i <= a.length; i++) {
    currentRow[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previousRow[j]! + 1, currentRow[j - 1]! + 1, previousRow[j - 1]! + cost);
      currentRow[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previousRow, currentRow] = [currentRow, previousRow];
  }
  return previousRow[b.length]!;
}

/**
 * How well a query key matches a name key, 0..1. 1 = same name; 0.95 = same letters but the
 * farmer typed different diacritics; below that, typos and prefixes ("did you mean").
 */
export function similarity(query: NameKey, name: NameKey): number {
  if (query.compact === name.compact) {
    return query.hasDiacritics && query.spelling !== name.spelling ? 0.95 : 1;
  }
  if (query.digits && name.digits && query.digits !== name.digits) return 0;
  const maxLength = Math.max(query.compact.length, name.compact.length);
  const allowed = Math.floor(maxLength * 0.3);
  const distance = boundedLevenshtein(query.compact, name.compact, allowed);
  const fuzzy = distance <= allowed ? 1 - distance / maxLength : 0;
  const prefix =
    query.compact.length >= 3 && name.compact.startsWith(query.compact)
      ? 0.6 + (0.3 * query.compact.length) / name.compact.length
      : 0;
  return Math.min(0.9, Math.max(fuzzy, prefix));
}
