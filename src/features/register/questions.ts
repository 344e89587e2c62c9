import { communeWithProvince } from "../../places/place-data.js";
import type { Translate } from "../../i18n/translate.js";
import { inRows } from "../../bot/choices.js";
import { NEGATION, type YesNo } from "../../lib/yes-no.js";
import { foldVietnamese } from "../../lib/vietnamese.js";
import {
  CALL_TIMES,
  LEAD_FIELDS,
  callTimeLabelKey,
  membersText,
  validateCallTime,
  validateFullName,
  validateLandArea,
  validateMembers,
  validateNote,
  validatePhone,
  validatePurpose,
  validateSector,
  type FieldResult,
  type LeadField,
} from "../../leads/lead-fields.js";
import { contactText } from "../../leads/contact.js";
import type { LeadDraft } from "../../leads/lead.js";
import { PURPOSE_IDS, purposeLabelKey } from "../../leads/purposes.js";
import { SECTOR_IDS, sectorLabelKey, sectorText, type SectorId } from "../../leads/sectors.js";

/** A choice of a question: its label and the value it stands for (part of the callback data). */
export type FieldChoice = { text: string; value: string; means?: YesNo };

/** How the farmer is reached: the phone step's answer. */
export type Contact = Pick<LeadDraft, "contact" | "phone">;

/** What each step of the flow yields: the draft's fields, the phone step giving the contact way. */
export type StepValues = Omit<LeadDraft, "contact" | "phone"> & { phone: Contact };

/** How one question of the flow is asked and read. The place question has its own step (did you mean). */
export interface FieldQuestion<T> {
  /** Message key of the question; the field's own by default. */
  prompt?: string;
  choices?: (t: Translate) => FieldChoice[][];
  /** Typed numbers are the answer itself (a phone number, a count, an area): choices are lettered. */
  numbersAreAnswers?: boolean;
  /** Typed answers. */
  readText(text: string): FieldResult<T>;
  /** Button values; typed answers and buttons share the validator where they can. */
  readChoice?(value: string, t: Translate): FieldResult<T>;
  /** The value of *Bỏ qua* on an optional question. */
  skipped?: T;
}

type TextField = Exclude<LeadField, "place">;

/** "không có số", "ko co dt", "tui hong co dien thoai": typed instead of *Không có điện thoại*. */
const PHONE_WORDS = "(?:so|sdt|dt|dien thoai|di dong|so dien thoai|so dt)";
const SPEAKER = "(?:(?:toi|tui|minh|em|con|nha|nha tui|nha toi) )?";
const SAYS_NO_PHONE = new RegExp(`^${SPEAKER}${NEGATION} (?:co )?${PHONE_WORDS}\\b`);
const saysNoPhone = (text: string) => SAYS_NO_PHONE.test(foldVietnamese(text));

const ownPhone = (text: string): FieldResult<Contact> => {
  if (saysNoPhone(text)) return { ok: true, value: { contact: "commune_office" } };
  const phone = validatePhone(text);
  return phone.ok ? { ok: true, value: { contact: "own_phone", phone: phone.value } } : phone;
};

/** *Dùng số người thân* on the phone step: whose number is then typed. */
export const RELATIVE_PHONE = "relative";
/** *Không có điện thoại*: officers leave word at the commune office. */
export const NO_PHONE = "none";

/** The phone step after *Dùng số người thân*: the relative's mobile. */
export const RELATIVE_PHONE_QUESTION: FieldQuestion<Contact> = {
  prompt: "reg-ask-relative-phone",
  choices: (t) => [[{ text: t("reg-phone-none"), value: NO_PHONE }]],
  numbersAreAnswers: true,
  readText: (text) => {
    const read = ownPhone(text);
    if (!read.ok || read.value.contact === "commune_office") return read;
    return { ok: true, value: { ...read.value, contact: "relative_phone" } };
  },
  readChoice: () => ({ ok: true, value: { contact: "commune_office" } }),
};

export const QUESTIONS: { [F in TextField]: FieldQuestion<StepValues[F]> } = {
  purpose: {
    // One per row: the labels are long.
    choices: (t) => PURPOSE_IDS.map((id) => [{ text: t(purposeLabelKey(id)), value: id }]),
    readText: validatePurpose,
  },
  fullName: { readText: validateFullName },
  phone: {
    choices: (t) => [
      [{ text: t("reg-phone-relative"), value: RELATIVE_PHONE }],
      [{ text: t("reg-phone-none"), value: NO_PHONE }],
    ],
    readText: ownPhone,
    // *Dùng số người thân* is not an answer yet: the flow asks for the relative's number (contact without phone).
    readChoice: (value) => ({ ok: true, value: { contact: value === NO_PHONE ? "commune_office" : "relative_phone" } }),
    numbersAreAnswers: true,
  },
  sector: {
    choices: (t) =>
      inRows(
        SECTOR_IDS.map((id) => ({ text: t(sectorLabelKey(id)), value: id })),
        2,
      ),
    readText: validateSector,
    // The label, so officers read "Lúa" rather than the id.
    readChoice: (value, t) => validateSector(t(sectorLabelKey(value as SectorId))),
  },
  members: {
    choices: (t) => [[{ text: t("reg-members-unknown"), value: "unknown" }]],
    readText: validateMembers,
    // *Chưa biết*, or the count an eligibility check already knows.
    readChoice: (value) => (value === "unknown" ? { ok: true, value: undefined } : validateMembers(value)),
    numbersAreAnswers: true,
  },
  landArea: { readText: validateLandArea, skipped: undefined, numbersAreAnswers: true },
  callTime: {
    choices: (t) =>
      inRows(
        CALL_TIMES.map((id) => ({ text: t(callTimeLabelKey(id)), value: id })),
        2,
      ),
    readText: validateCallTime,
  },
  note: { readText: validateNote, skipped: "" },
};

/** Message key of a field's label: "reg-field-full-name". */
export const fieldLabelKey = (field: LeadField) => `reg-field-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** How an answer reads back in the summary, in /dulieu and as the echo of a step. */
export function answerText(draft: Partial<LeadDraft>, field: LeadField, t: Translate): string {
  switch (field) {
    case "purpose":
      return draft.purpose ? t(purposeLabelKey(draft.purpose)) : "";
    case "fullName":
      return draft.fullName ?? "";
    case "phone":
      return contactText(draft.contact ?? "own_phone", draft.phone?.display, t);
    case "place":
      return draft.place ? communeWithProvince(draft.place.name, draft.place.provinceName) : "";
    case "sector":
      return draft.sector ? sectorText(draft.sector, t) : "";
    case "members":
      return membersText(draft.members, t);
    case "landArea":
      return draft.landArea?.display ?? t("reg-none");
    case "callTime":
      return draft.callTime ? t(callTimeLabelKey(draft.callTime)) : "";
    case "note":
      return draft.note ? draft.note : t("reg-none");
  }
}

/**
 * The steps this farmer is asked, in order: one without a phone is reached through the commune
 * office, so a time to call means nothing and is not asked (it is stored as "any").
 */
export const askedFields = (answers: Partial<LeadDraft>): LeadField[] =>
  LEAD_FIELDS.filter((field) => field !== "callTime" || answers.contact !== "commune_office");

/** The answers as stored: a call time not asked is "any". */
export const completeDraft = (answers: Partial<LeadDraft>): LeadDraft =>
  (askedFields(answers).includes("callTime") ? answers : { ...answers, callTime: "any" }) as LeadDraft;

/** "Họ tên: Nguyễn Văn An" lines for every field asked, in flow order. */
export function answerLines(draft: LeadDraft, t: Translate): string[] {
  return askedFields(draft).map((field) => `${t(fieldLabelKey(field))}: ${answerText(draft, field, t)}`);
}
