import type { Translate, TranslateArgs } from "../i18n/translate.js";
import { parseQuantity } from "../lib/farmer-numbers.js";
import { parsePhone, type PhoneNumber } from "../lib/phone.js";
import { containsPhrase, foldVietnamese } from "../lib/vietnamese.js";
import { NEGATION, readYesNo } from "../lib/yes-no.js";
import type { PlaceCandidate, PlaceResolver } from "../places/resolver.js";
import { matchPurpose, type PurposeId } from "./purposes.js";
import { matchSector, type Sector } from "./sectors.js";

/**
 * The questions of the lead flow and their validators. Each validator takes what the farmer typed
 * (or a button payload) and returns the normalized value, or a `leads-*` message key explaining
 * what to fix, so the chat layer only translates and re-asks.
 */
/**
 * `suggestions`: full answers the farmer may mean ("10 công", "10 ha"), offered as choices;
 * `incomplete`: what was typed, when the next reply may complete it ("10", then "công").
 */
export type FieldFailure = {
  ok: false;
  reason: string;
  args?: TranslateArgs;
  suggestions?: string[];
  incomplete?: string;
};
export type FieldResult<T> = { ok: true; value: T } | FieldFailure;

export const LEAD_FIELDS = [
  "purpose",
  "fullName",
  "phone",
  "place",
  "sector",
  "members",
  "landArea",
  "callTime",
  "note",
] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

/** Fields the farmer may skip; the rest are required before the consent step. */
export const OPTIONAL_FIELDS: readonly LeadField[] = ["landArea", "note"];

/** Message key of each field's question: "leads-ask-full-name". */
export const askKey = (field: LeadField) => `leads-ask-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export const CALL_TIMES = ["morning", "afternoon", "evening", "any"] as const;
export type CallTime = (typeof CALL_TIMES)[number];
export const callTimeLabelKey = (id: CallTime) => `leads-call-time-${id}`;

export type PlaceValue = Pick<PlaceCandidate, "code" | "name" | "provinceCode" | "provinceName">;
export type LandArea = { hectares: number; display: string };

export const NAME_MIN_LENGTH = 2;
export const NAME_MAX_LENGTH = 80;
export const SECTOR_MAX_LENGTH = 100;
export const MEMBERS_MIN = 1;
export const MEMBERS_MAX = 10_000;
export const LAND_AREA_MAX_HA = 100_000;
export const NOTE_MAX_LENGTH = 500;

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const fail = (reason: string, args?: TranslateArgs): FieldFailure =>
  args ? { ok: false, reason, args } : { ok: false, reason };

/** Trimmed, single-spaced, NFC; control characters dropped (they break CSV and logs). */
function tidy(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function validatePurpose(text: string): FieldResult<PurposeId> {
  const purpose = matchPurpose(text);
  return purpose ? ok(purpose) : fail("leads-purpose-invalid");
}

/** Letters, spaces, apostrophes, dots and hyphens; capitalized word by word ("nguyễn văn an"). */
export function validateFullName(text: string): FieldResult<string> {
  const name = tidy(text);
  if (name.length < NAME_MIN_LENGTH) return fail("leads-name-too-short");
  if (name.length > NAME_MAX_LENGTH) return fail("leads-name-too-long");
  if (!/^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u.test(name)) return fail("leads-name-invalid");
  // "ok", "dạ", "không" answer the bot; they are nobody's name.
  if (readYesNo(name)) return fail("leads-name-expected");
  const capitalized = name
    .split(" ")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join(" ");
  return ok(capitalized);
}

export function validatePhone(text: string): FieldResult<PhoneNumber> {
  const phone = parsePhone(text);
  if (phone.ok) return ok({ e164: phone.e164, display: phone.display });
  const reason = `leads-phone-${phone.reason.replaceAll("_", "-")}`;
  return phone.suggestion ? fail(reason, { suggestion: phone.suggestion.display }) : fail(reason);
}

export type PlaceFailure = FieldFailure & { candidates: PlaceCandidate[] };

const placeValue = ({ code, name, provinceCode, provinceName }: PlaceValue): PlaceValue => ({
  code,
  name,
  provinceCode,
  provinceName,
});

/**
 * A commune code (the payload of a "did you mean" button) or a typed place. Only a single exact
 * match is accepted outright; otherwise the candidates come back for the farmer to choose.
 */
export function validatePlace(text: string, places: PlaceResolver): FieldResult<PlaceValue> | PlaceFailure {
  const code = text.trim();
  const byCode = /^\d{5}$/.test(code) ? places.communeByCode(code) : undefined;
  if (byCode) return ok(placeValue(byCode));
  const candidates = places.resolve(text);
  if (candidates.length === 0) return { ...fail("leads-place-not-found"), candidates };
  const exact = candidates.filter((c) => c.score === 1);
  if (exact.length === 1) return ok(placeValue(exact[0]!));
  return { ...fail("leads-place-choose"), candidates };
}

export function validateSector(text: string): FieldResult<Sector> {
  const typed = tidy(text);
  if (typed.length === 0) return fail("leads-sector-empty");
  if (typed.length > SECTOR_MAX_LENGTH) return fail("leads-sector-too-long");
  // "5", "12,5", "?": a number or a sign typed at this step is not a trade officers could read.
  if (!/\p{L}{2}/u.test(typed)) return fail("leads-sector-not-words");
  return ok({ id: matchSector(typed) ?? "other", text: typed });
}

/** A member count as officers and farmers read it; "Chưa rõ" when the farmer did not know. */
export const membersText = (members: number | undefined, t: Translate): string =>
  members === undefined ? t("leads-members-unknown") : String(members);

/** "Không biết", "hổng biết", "chưa rõ", "cũng không biết": the count is recorded as unknown. */
const UNKNOWN_COUNT = new RegExp(`^(?:da )?(?:cung )?${NEGATION} (?:biet|ro|chac)(?: nua)?(?: a| nha)?$`);

export function validateMembers(text: string): FieldResult<number | undefined> {
  if (UNKNOWN_COUNT.test(foldVietnamese(text))) return ok(undefined);
  const count = parseQuantity(text, "count");
  if (!count.ok) return fail("leads-members-invalid");
  if (count.value < MEMBERS_MIN || count.value > MEMBERS_MAX) return fail("leads-members-out-of-range");
  return ok(count.value);
}

/** The units a bare number may be in, as farmers of the delta use them. */
export const AREA_UNITS = ["công", "ha", "m²"] as const;

/**
 * "2 công", "nửa hecta", "5000 m2", "0" (no land: services, chăn nuôi) → hectares. A bare number
 * ("10") may be công, hecta or m²: the farmer is asked which, never assumed.
 */
export function validateLandArea(text: string): FieldResult<LandArea> {
  const area = parseQuantity(text, "area");
  if (!area.ok && area.problem === "need_unit") {
    const typed = tidy(text);
    return {
      ...fail("leads-land-area-unit", { number: typed }),
      suggestions: AREA_UNITS.map((unit) => `${typed} ${unit}`),
      incomplete: typed,
    };
  }
  if (!area.ok) return fail("leads-land-area-invalid");
  if (area.value > LAND_AREA_MAX_HA) return fail("leads-land-area-out-of-range");
  return ok({ hectares: area.value, display: area.display });
}

/** Typed answers; "any" first so "sáng hay chiều cũng được" means any time. */
const CALL_TIME_PHRASES: [CallTime, string[]][] = [
  ["any", ["bat ky", "luc nao", "gio nao", "cung duoc", "sao cung duoc"]],
  ["morning", ["sang", "buoi sang"]],
  ["afternoon", ["chieu", "buoi chieu"]],
  // A bare "toi" is usually "tôi" (I), so only "buổi tối", "tối thì" etc. or "tối" alone count.
  ["evening", ["buoi toi", "toi thi", "dem", "ban dem"]],
];

export function validateCallTime(text: string): FieldResult<CallTime> {
  const trimmed = text.trim();
  if ((CALL_TIMES as readonly string[]).includes(trimmed)) return ok(trimmed as CallTime);
  if (foldVietnamese(text) === "toi") return ok("evening");
  const found = CALL_TIME_PHRASES.find(([, phrases]) => phrases.some((p) => containsPhrase(text, p)));
  return found ? ok(found[0]) : fail("leads-call-time-invalid");
}

/** Typed instead of pressing *Bỏ qua*: "không", "ko co gi", "bỏ qua". */
const NO_NOTE = ["khong", "ko", "k", "khong co", "ko co", "khong co gi", "ko co gi", "bo qua", "thoi", "het"];

/** Optional: empty is fine. Line breaks are kept, other control characters are dropped. */
export function validateNote(text: string): FieldResult<string> {
  if (NO_NOTE.includes(foldVietnamese(text))) return ok("");
  const note = text.normalize("NFC").split(/\r?\n/).map(tidy).join("\n").trim();
  return note.length > NOTE_MAX_LENGTH ? fail("leads-note-too-long") : ok(note);
}
