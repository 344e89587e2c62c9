import type { Translate } from "../i18n/translate.js";
import { maskPhone } from "../lib/phone.js";
import type { OutboundButton, OutboundMessage } from "../outbound/outbox.js";
import { contactText } from "./contact.js";
import { callTimeLabelKey, membersText } from "./lead-fields.js";
import { statusLabelKey } from "./lead-status.js";
import type { StoredLead } from "./lead.js";
import type { Pool } from "./pooling.js";
import { purposeLabelKey } from "./purposes.js";
import { sectorText } from "./sectors.js";

/**
 * What officers read in their chat about leads: notifications (sent through the outbox) and the
 * /leads list use the same cards and the same buttons, whose data the officer-chat feature handles.
 */
export const OFFICER_BUTTON_PREFIX = "oc:";
export const OFFICER_ACTIONS = ["claim", "contacted"] as const;
export type OfficerAction = (typeof OFFICER_ACTIONS)[number];

/** The «Trả lời cán bộ» button under an officer's message to a farmer, carrying the lead's reference. */
export const FARMER_REPLY_PREFIX = "lr:";

/** The lead history's kind of an officer's word to its farmer (a message, an answer to their reply). */
export const OFFICER_MESSAGE_EVENT = "message_to_farmer";

/** The «Trả lời cán bộ» choice that answers the officers' latest word about this lead. */
export const farmerReplyChoice = (reference: string, t: Translate) => ({
  text: t("lead-reply-button"),
  data: `${FARMER_REPLY_PREFIX}${reference}`,
});

/** An officer's message about a lead, as the farmer gets it: with a button to answer the officers. */
export function messageToFarmer(text: string, reference: string, t: Translate): OutboundMessage {
  return { text: t("admin-lead-message-text", { text }), buttons: [[farmerReplyChoice(reference, t)]] };
}

export const officerButtonData = (action: OfficerAction, reference: string) =>
  `${OFFICER_BUTTON_PREFIX}${action}:${reference}`;

/** At most this many leads get their own buttons in one message; /leads shows the rest. */
export const MAX_LEAD_ROWS = 10;

/** Without name or full number: notifications may be read over a shoulder or land in a shared chat. */
export function leadCard(lead: StoredLead, t: Translate): string {
  return t("oc-lead-card", {
    reference: lead.reference,
    status: t(statusLabelKey(lead.status)),
    purpose: t(purposeLabelKey(lead.purpose)),
    commune: lead.place.name,
    province: lead.place.provinceName,
    sector: sectorText(lead.sector, t),
    members: membersText(lead.members, t),
    phone: contactText(lead.contact, lead.phone && maskPhone(lead.phone.e164), t),
  });
}

/** Everything needed to call the farmer back; only for the officer handling the lead. */
export function contactCard(lead: StoredLead, t: Translate): string {
  return t("oc-contact-card", {
    reference: lead.reference,
    name: lead.fullName,
    phone: contactText(lead.contact, lead.phone?.display, t),
    callTime: t(callTimeLabelKey(lead.callTime)),
    landArea: lead.landArea?.display ?? "-",
    note: lead.note === "" ? "-" : lead.note,
  });
}

/** One row per lead; the reference is in the labels when several leads share a message. */
export function leadButtons(reference: string, t: Translate, labelled = false): OutboundButton[] {
  return OFFICER_ACTIONS.map((action) => ({
    text: t(labelled ? `oc-button-${action}-ref` : `oc-button-${action}`, { reference }),
    data: officerButtonData(action, reference),
  }));
}

const NOTICE_HEADLINES = {
  created: "oc-new-lead",
  reopened: "leads-officer-reopened",
  duplicate: "leads-officer-duplicate",
} as const;

/** A lead that needs a call: new, reopened by its farmer, or its phone registered again from another chat. */
export function leadNotice(why: keyof typeof NOTICE_HEADLINES, lead: StoredLead, t: Translate): OutboundMessage {
  return { text: `${t(NOTICE_HEADLINES[why])}\n${leadCard(lead, t)}`, buttons: [leadButtons(lead.reference, t)] };
}

export function poolMessage(pool: Pool, t: Translate): OutboundMessage {
  const references = pool.leadReferences;
  const text = t("oc-pool", {
    commune: pool.communeName,
    sector: sectorText(pool.sector, t),
    leads: references.length,
    members: pool.prospectiveMembers,
    references: references.join(", "),
  });
  return { text, buttons: references.slice(0, MAX_LEAD_ROWS).map((reference) => leadButtons(reference, t, true)) };
}
