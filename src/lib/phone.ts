/**
 * The one phone-number normalizer. Farmers type numbers every which way ("0912.345.678",
 * "+84 912 345 678", "(+84)912-345-678", "sđt 0912345678 nha"), so everything that stores, compares
 * or shows a phone number goes through `parsePhone`.
 *
 * Only Vietnamese mobile numbers are accepted: the leads flow calls farmers back, and officers call
 * from mobiles. Prefixes are those in use since the 2018 switch from 11 to 10 digits.
 */

export type PhoneFailure = "empty" | "too_short" | "too_long" | "foreign" | "landline" | "old_prefix" | "not_mobile";

export type PhoneNumber = { e164: string; display: string };

export type PhoneResult =
  | ({ ok: true } & PhoneNumber)
  | {
      ok: false;
      reason: PhoneFailure;
      /** For "old_prefix": the current 10-digit number, so the chat can offer it. */
      suggestion?: PhoneNumber;
    };

/** Mobile prefixes after the 2018 conversion: network code = first two digits after the 0. */
const MOBILE_PREFIXES = new Set([
  ...["32", "33", "34", "35", "36", "37", "38", "39"],
  ...["52", "55", "56", "58", "59"],
  ...["70", "76", "77", "78", "79"],
  ...["81", "82", "83", "84", "85", "86", "87", "88", "89"],
  ...["90", "91", "92", "93", "94", "96", "97", "98", "99"],
]);

/** Old 11-digit prefixes (without the 0) and their 2018 replacements. */
const OLD_TO_NEW_PREFIX: Record<string, string> = {
  "162": "32",
  "163": "33",
  "164": "34",
  "165": "35",
  "166": "36",
  "167": "37",
  "168": "38",
  "169": "39",
  "120": "70",
  "121": "79",
  "122": "77",
  "126": "76",
  "128": "78",
  "123": "83",
  "124": "84",
  "125": "85",
  "127": "81",
  "129": "82",
  "186": "56",
  "188": "58",
  "199": "59",
};

const NATIONAL_LENGTH = 9;

/** The first phone-like run in the text: digits with spaces, dots, dashes or brackets between. */
function phoneLikeRun(text: string): string {
  const match = text.match(/[+(]*\d[\d\s.\-()+]*/);
  return match ? match[0] : "";
}

/** National significant number (no country code, no trunk 0), or a failure. */
function nationalDigits(text: string): { digits: string } | { reason: PhoneFailure } {
  const run = phoneLikeRun(text).trim();
  const hasPlus = run.replace(/^\(/, "").startsWith("+");
  let digits = run.replace(/\D/g, "");
  if (digits.length === 0) return { reason: "empty" };

  if (digits.startsWith("00")) digits = digits.slice(2);
  else if (!hasPlus && digits.startsWith("0")) return { digits: digits.slice(1) };
  else if (!hasPlus && (digits.length < 11 || !digits.startsWith("84"))) return { digits };

  // International form: the country code must be Vietnam's.
  if (!digits.startsWith("84")) return { reason: "foreign" };
  digits = digits.slice(2);
  // "+84 0912..." is common: drop the trunk 0 people keep out of habit.
  return { digits: digits.startsWith("0") ? digits.slice(1) : digits };
}

function formatted(national: string): PhoneNumber {
  const local = `0${national}`;
  return { e164: `+84${national}`, display: `${local.slice(0, 4)} ${local.slice(4, 7)} ${local.slice(7)}` };
}

export function parsePhone(text: string): PhoneResult {
  const parsed = nationalDigits(text);
  if ("reason" in parsed) return { ok: false, reason: parsed.reason };
  const { digits } = parsed;

  if (digits.startsWith("1") && digits.length === NATIONAL_LENGTH + 1) {
    const newPrefix = OLD_TO_NEW_PREFIX[digits.slice(0, 3)];
    if (newPrefix) return { ok: false, reason: "old_prefix", suggestion: formatted(newPrefix + digits.slice(3)) };
  }
  if (digits.startsWith("2")) return { ok: false, reason: "landline" };
  if (digits.length < NATIONAL_LENGTH) return { ok: false, reason: "too_short" };
  if (digits.length > NATIONAL_LENGTH) return { ok: false, reason: "too_long" };
  if (!MOBILE_PREFIXES.has(digits.slice(0, 2))) return { ok: false, reason: "not_mobile" };
  return { ok: true, ...formatted(digits) };
}

/**
 * Masks a number for logs and dashboards: "0912 *** 678". Anything unparseable is fully masked
 * except its last three digits, so a log never leaks a whole number.
 */
export function maskPhone(phone: string): string {
  const parsed = parsePhone(phone);
  if (parsed.ok) return `${parsed.display.slice(0, 4)} *** ${parsed.display.slice(-3)}`;
  const digits = phone.replace(/\D/g, "");
  return digits.length > 3 ? `*** ${digits.slice(-3)}` : "***";
}
