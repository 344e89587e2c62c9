import type { Translate } from "../../i18n/translate.js";
import { inRows } from "../../bot/choices.js";
import type { YesNo } from "../../lib/yes-no.js";
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

/** How one question of the flow is asked and read. The place question has its own step (did you mean). */
export interface FieldQuestion<F extends LeadField> {
  choices?: (t: Translate) => FieldChoice[][];
  /** Typed numbers are the answer itself (a phone number, a count, an area): choices are lettered. */
  numbersAreAnswers?: boolean;
  /** Typed answers. */
  readText(text: string): FieldResult<LeadDraft[F]>;
  /** Button values; typed answers and buttons share the validator where they can. */
  readChoice?(value: string, t: Translate): FieldResult<LeadDraft[F]>;
  /** The value of *Bỏ qua* on an optional question. */
  skipped?: LeadDraft[F];
}

type TextField = Exclude<LeadField, "place">;


export const QUESTIONS: { [F in TextField]: FieldQuestion<F> } = {
  purpose: {
    // One per row: the labels are long.
    choices: (t) => PURPOSE_IDS.map((id) => [{ text: t(purposeLabelKey(id)), value: id }]),
    readText: validatePurpose,
  },
  fullName: { readText: validateFullName },
  phone: { readText: validatePhone, numbersAreAnswers: true },
  sector: {
    choices: (t) => inRows(SECTOR_IDS.map((id) => ({ text: t(sectorLabelKey(id)), value: id })), 2),
    readText: validateSector,
    // The label, so officers read "Lúa" rather than the id.
    readChoice: (value, t) => validateSector(t(sectorLabelKey(value as SectorId))),
  },
  members: { readText: validateMembers, numbersAreAnswers: true },
  landArea: { readText: validateLandArea, skipped: undefined, numbersAreAnswers: true },
  callTime: {
    choices: (t) => inRows(CALL_TIMES.map((id) => ({ text: t(callTimeLabelKey(id)), value: id })), 2),
    readText: validateCallTime,
  },
  note: { readText: validateNote, skipped: "" },
};

/** Message key of a field's label: "reg-field-full-name". */
export const fieldLabelKey = (field: LeadField) => `reg-field-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** How an answer reads back in the summary and in /dulieu. */
export function answerText(draft: LeadDraft, field: LeadField, t: Translate): string {
  switch (field) {
    case "purpose":
      return t(purposeLabelKey(draft.purpose));
    case "fullName":
      return draft.fullName;
    case "phone":
      return contactText(draft.contact, draft.phone?.display, t);
    case "place":
      return `${draft.place.name}, ${draft.place.provinceName}`;
    case "sector":
      return sectorText(draft.sector, t);
    case "members":
      return membersText(draft.members, t);
    case "landArea":
      return draft.landArea?.display ?? t("reg-none");
    case "callTime":
      return t(callTimeLabelKey(draft.callTime));
    case "note":
      return draft.note === "" ? t("reg-none") : draft.note;
  }
}

/** "Họ tên: Nguyễn Văn An" lines for every field, in flow order. */
export function answerLines(draft: LeadDraft, t: Translate): string[] {
  return LEAD_FIELDS.map((field) => `${t(fieldLabelKey(field))}: ${answerText(draft, field, t)}`);
}
