/**
 * Reads the ways farmers type quantities in chat: "2 công", "nửa hecta", "0,5 ha", "5000 m2",
 * "300 triệu", "1,5 tỷ", "1.5 ty", "2 tram trieu", "1 tỷ 5", "12 nguoi", "muoi hai", "12".
 * Values come back in one canonical unit per kind (hectares, đồng, persons) plus a Vietnamese
 * display string, so the chat can echo "= 0,2 ha" and let the farmer correct a misreading.
 */
import { translator } from "../i18n/translate.js";
import { foldVietnamese } from "./vietnamese.js";

export type QuantityKind = "area" | "money" | "count";
export type QuantityProblem = "empty" | "not_understood" | "wrong_unit" | "need_unit" | "not_whole";
export type QuantityResult =
  { ok: true; value: number; display: string } | { ok: false; problem: QuantityProblem; reason: string };

/** Multipliers into the canonical unit of each kind, keyed by the folded (no-diacritics) word. */
const UNITS: Record<QuantityKind, Record<string, number>> = {
  area: {
    ha: 1,
    hecta: 1,
    hectare: 1,
    // "công" (công đất) is a Mekong-delta land unit: 1 công = 1,000 m² = 0.1 ha ("công tầm cấy").
    // In other regions the word is not an area unit, and an older "công tầm lớn" of 1,296 m²
    // exists; this bot serves Cần Thơ / Sóc Trăng, so 1,000 m² is the reading farmers expect.
    cong: 0.1,
    mvuong: 0.0001,
  },
  money: { dong: 1, d: 1, vnd: 1, k: 1e3, nghin: 1e3, ngan: 1e3, tr: 1e6, trieu: 1e6, cu: 1e6, ty: 1e9, ti: 1e9 },
  count: { nguoi: 1, thanhvien: 1, tv: 1 },
};

const DIGIT_WORDS: Record<string, number> = {
  khong: 0,
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};
/** Words that carry no value: "khoảng 2 công", "hơn 10 người", "chắc 3 người", "một trăm lẻ năm". */
const FILLERS = new Set([
  "khoang",
  "chac",
  "chung",
  "gan",
  "hon",
  "co",
  "la",
  "dat",
  "le",
  "linh",
  "tong",
  "ruong",
  "vuon",
  "ao",
  "nha",
  "thoi",
]);
const BIGRAMS: Record<string, string> = { "hec ta": "hecta", "met vuong": "mvuong", "thanh vien": "thanhvien" };

type Token = { num: number; digits: number } | { word: string };

/** "5.000" and "1.500.000" are thousands; "0,5", "1.5" and "1,25" are decimals (Vietnamese comma). */
function readDigits(raw: string): { num: number; digits: number } {
  const seps = raw.match(/[.,]/g) ?? [];
  const lastSep = Math.max(raw.lastIndexOf("."), raw.lastIndexOf(","));
  const groupsOfThree = /^\d{1,3}([.,]\d{3})+$/.test(raw) && !raw.startsWith("0");
  const mixed = new Set(seps).size > 1;
  let normalized: string;
  if (seps.length === 0) normalized = raw;
  else if (groupsOfThree && !mixed) normalized = raw.replace(/[.,]/g, "");
  else normalized = raw.slice(0, lastSep).replace(/[.,]/g, "") + "." + raw.slice(lastSep + 1);
  return { num: Number(normalized), digits: normalized.split(".")[0]!.length };
}

function tokenize(text: string): Token[] {
  const lowered = text
    .normalize("NFC")
    .toLowerCase()
    .replace(/(?<!\p{L})m\s*[2²](?!\d)/gu, " met vuong ");
  const tokens: Token[] = [];
  const pushWords = (segment: string) => {
    let folded = ` ${foldVietnamese(segment)} `;
    for (const [pair, joined] of Object.entries(BIGRAMS)) folded = folded.replaceAll(` ${pair} `, ` ${joined} `);
    for (const word of folded.split(" ").filter(Boolean)) tokens.push({ word });
  };
  let last = 0;
  for (const match of lowered.matchAll(/\d+(?:[.,]\d+)*/g)) {
    pushWords(lowered.slice(last, match.index));
    tokens.push(readDigits(match[0]));
    last = match.index + match[0].length;
  }
  pushWords(lowered.slice(last));
  return tokens;
}

function previous(tokens: Token[], i: number): string | undefined {
  const token = tokens[i - 1];
  return token && "word" in token ? token.word : undefined;
}

function isNumberToken(token: Token | undefined): boolean {
  return token !== undefined && ("num" in token || token.word in DIGIT_WORDS || token.word === "muoi");
}

/** `scale`: the one unit the text used ("2 công rưỡi"), none when it used several ("1 ha 2 công") or none. */
type Reading = { value: number; hadUnit: boolean; scale?: number } | { problem: QuantityProblem };

/**
 * Vietnamese number words compose like "hai trăm triệu" = (2 × 100) × 10⁶: a running group below
 * a scale word, flushed into the total at each scale ("1 tỷ 500 triệu"). A bare number after the
 * last scale is colloquial tenths of it: "1 tỷ 5" = 1,5 tỷ, "2 công rưỡi" = 2,5 công.
 */
function read(tokens: Token[], kind: QuantityKind): Reading {
  const units = UNITS[kind];
  let total = 0;
  let group = 0;
  let groupDigits = 0;
  let lastDigit: number | undefined;
  let lastScale: number | undefined;
  const scales = new Set<number>();
  let sawNumber = false;
  let previousWasNumber = false;
  for (const [i, token] of tokens.entries()) {
    const isNumber = "num" in token || token.word in DIGIT_WORDS;
    if (isNumber && !("num" in token) && token.word === "tam" && isNumberToken(tokens[i + 1])) continue;
    if (isNumber) {
      if (previousWasNumber) return { problem: "not_understood" };
      const value = "num" in token ? token.num : DIGIT_WORDS[(token as { word: string }).word]!;
      group += value;
      groupDigits = "num" in token ? token.digits : String(Math.floor(group)).length;
      lastDigit = value;
      sawNumber = true;
      previousWasNumber = true;
      continue;
    }
    previousWasNumber = false;
    const word = token.word;
    if (word === "muoi" || word === "tram") {
      const factor = word === "muoi" ? 10 : 100;
      group = lastDigit === undefined ? group + factor : group - lastDigit + lastDigit * factor;
      groupDigits = String(Math.floor(group)).length;
      lastDigit = undefined;
      sawNumber = true;
    } else if (word === "nua") {
      group += 0.5;
      sawNumber = true;
    } else if (word === "ruoi") {
      // "trăm rưỡi" = 150; "1 tỷ rưỡi" = 1,5 tỷ; "2 rưỡi" = 2,5.
      if (previous(tokens, i) === "tram") group += 50;
      else total += (lastScale ?? 1) / 2;
    } else if (word in units) {
      const scale = units[word]!;
      // "tỷ rưỡi" alone means one tỷ and a half; a bare "đồng" or "ha" adds nothing.
      if (group > 0 || (scale !== 1 && !sawNumber)) {
        total += (group || 1) * scale;
        sawNumber = true;
      }
      group = 0;
      lastDigit = undefined;
      lastScale = scale;
      scales.add(scale);
    } else if (Object.values(UNITS).some((other) => word in other)) {
      return { problem: "wrong_unit" };
    } else if (!FILLERS.has(word)) {
      return { problem: "not_understood" };
    }
  }
  if (!sawNumber) return { problem: tokens.length === 0 ? "empty" : "not_understood" };
  if (group > 0 && lastScale !== undefined) total += (group / 10 ** groupDigits) * lastScale;
  else total += group;
  const [scale] = scales;
  return { value: total, hadUnit: lastScale !== undefined, ...(scales.size === 1 ? { scale } : {}) };
}

const VIETNAMESE_NUMBER = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 3 });
/** Vietnamese number format (decimal comma): 0,3 — 1.500. One formatter: exports format thousands. */
export const formatNumber = (n: number) => VIETNAMESE_NUMBER.format(n);

/** "1,5 tỷ đồng", "300 triệu đồng", "500 nghìn đồng", "800 đồng". */
export function formatMoney(vnd: number): string {
  const t = translator();
  if (vnd >= 1e9) return t("elig-money-billion", { n: formatNumber(vnd / 1e9) });
  if (vnd >= 1e6) return t("elig-money-million", { n: formatNumber(vnd / 1e6) });
  if (vnd >= 1e3) return t("elig-money-thousand", { n: formatNumber(vnd / 1e3) });
  return t("elig-money-dong", { n: formatNumber(vnd) });
}

/** Canonical display of a value of this kind (hectares, đồng or persons). */
export function formatQuantity(value: number, kind: QuantityKind): string {
  if (kind === "money") return formatMoney(value);
  return translator()(kind === "area" ? "elig-area-ha" : "elig-count-persons", { n: formatNumber(value) });
}

/** Area units echoed in the farmer's own unit, with hectares beside it: the message key of each. */
const AREA_UNIT_DISPLAY = new Map([
  [UNITS.area.cong!, "elig-area-cong"],
  [UNITS.area.mvuong!, "elig-area-m2"],
]);

/**
 * "10 công (khoảng 1 ha)": an area typed in công or m² is read back in that unit, so the farmer sees
 * their own number, and in hectares, the unit officers compare.
 */
function areaAsTyped(hectares: number, scale: number | undefined): string {
  const key = scale === undefined ? undefined : AREA_UNIT_DISPLAY.get(scale);
  if (!key || hectares === 0) return formatQuantity(hectares, "area");
  const inUnit = Math.round((hectares / scale!) * 1e3) / 1e3;
  return translator()(key, { n: formatNumber(inUnit), ha: formatNumber(hectares) });
}

/** Bare money below this is more likely "300" meaning 300 triệu than 300 đồng, so we ask. */
const SMALLEST_BARE_MONEY = 100_000;

export function parseQuantity(text: string, kind: QuantityKind): QuantityResult {
  const reading = read(tokenize(text), kind);
  const fail = (problem: QuantityProblem): QuantityResult => ({
    ok: false,
    problem,
    reason: translator()(`elig-num-${problem.replaceAll("_", "-")}`, { kind }),
  });
  if ("problem" in reading) return fail(reading.problem);
  if (kind === "money" && !reading.hadUnit && reading.value < SMALLEST_BARE_MONEY) return fail("need_unit");
  // "10" of land is 10 công as often as 10 ha (a hundredfold apart): only 0 (no land) needs no unit.
  if (kind === "area" && !reading.hadUnit && reading.value > 0) return fail("need_unit");
  if (kind === "count" && !Number.isInteger(reading.value)) return fail("not_whole");
  // 3 × 0.1 ha is 0.30000000000000004 in floating point; no farm needs more than 1 m² precision.
  const value = kind === "area" ? Math.round(reading.value * 1e4) / 1e4 : Math.round(reading.value);
  const display = kind === "area" ? areaAsTyped(value, reading.scale) : formatQuantity(value, kind);
  return { ok: true, value, display };
}
