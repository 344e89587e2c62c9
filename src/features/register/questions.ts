import type { Translate } from "../../i18n/translate.js";
import {
  CALL_TIMES,
  LEAD_FIELDS,
  callTimeLabelKey,
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
import type { LeadDraft } from "../../leads/lead.js";
import { PURPOSE_IDS, purposeLabelKey } from "../../leads/purposes.js";
import { SECTOR_IDS, sectorLabelKey, sectorText, type SectorId } from "../../leads/sectors.js";

/** A button of a question: its label and the value it stands for (part of the callback data). */
export type Choice = { text: string; value: string };

/** How one question of the flow is asked and read. The place question has its own step (did you mean). */
export interface FieldQuestion<F extends LeadField> {
  choices?: (t: Translate) => Choice[][];
  /** Typed answers. */
  readText(text: string): FieldResult<LeadDraft[F]>;
  /** Button values; typed answers and buttons share the validator where they can. */
  readChoice?(value: string, t: Translate): FieldResult<LeadDraft[F]>;
  /** The value of *Bỏ qua* on an optional question. */
  skipped?: LeadDraft[F];
}

type TextField = Exclude<LeadField, "place">;

/** Two buttons per row: short labels, fewer rows on a small screen. */
export const pairs = <T>(items: T[]): T[][] => items.reduce<T[][]>((rows, item, i) => (i % 2 === 0 ? [...rows, [item]] : (rows.at(-1)!.push(item), rows)), []);

export const QUESTIONS: { [F in TextField]: FieldQuestion<F> } = {
  purpose: {
    // One per row: the labels are long.
    choices: (t) => PURPOSE_IDS.map((id) => [{ text: t(purposeLabelKey(id)), value: id }]),
    readText: validatePurpose,
  },
  fullName: { readText: validateFullName },
  phone: { readText: validatePhone },
  sector: {
    choices: (t) => pairs(SECTOR_IDS.map((id) => ({ text: t(sectorLabelKey(id)), value: id }))),
    readText: validateSector,
    // The label, so officers read "Lúa" rather than the id.
    readChoice: (value, t) => validateSector(t(sectorLabelKey(value as SectorId))),
  },
  members: { readText: validateMembers },
  landArea: { readText: validateLandArea, skipped: undefined },
  callTime: {
    choices: (t) => pairs(CALL_TIMES.map((id) => ({ text: t(callTimeLabelKey(id)), value: id }))),
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
      return draft.phone.display;
    case "place":
      return `${draft.place.name}, ${draft.place.provinceName}`;
    case "sector":
      return sectorText(draft.sector, t);
    case "members":
      return String(draft.members);
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
