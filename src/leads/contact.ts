import type { Translate } from "../i18n/translate.js";

/**
 * How officers reach a farmer who registered. Many older farmers have no mobile of their own: a
 * relative's number, or no phone at all and a call-back through the commune office (the officer
 * leaves word at the xã and meets the farmer there).
 */
export const CONTACT_WAYS = ["own_phone", "relative_phone", "commune_office"] as const;
export type ContactWay = (typeof CONTACT_WAYS)[number];

export const contactLabelKey = (way: ContactWay) => `leads-contact-${way.replaceAll("_", "-")}`;

/**
 * The number to call and whose it is, for officers: "0912 345 678 (số người thân)", or the
 * commune-office call-back. `number` is the caller's rendering (full or masked).
 */
export function contactText(contact: ContactWay, number: string | undefined, t: Translate): string {
  if (contact === "commune_office" || number === undefined) return t(contactLabelKey("commune_office"));
  return contact === "relative_phone" ? t("leads-contact-relative-number", { number }) : number;
}
