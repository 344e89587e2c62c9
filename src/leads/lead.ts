import type { PhoneNumber } from "../lib/phone.js";
import type { ContactWay } from "./contact.js";
import type { CallTime, LandArea, PlaceValue } from "./lead-fields.js";
import type { LeadStatus } from "./lead-status.js";
import type { PurposeId } from "./purposes.js";
import type { Sector } from "./sectors.js";

/** A saved registration of interest, as the domain sees it (the database maps to and from this). */
export type Lead = {
  reference: string;
  createdAt: Date;
  status: LeadStatus;
  purpose: PurposeId;
  fullName: string;
  contact: ContactWay;
  /** The farmer's or a relative's mobile; none when the call-back goes through the commune office. */
  phone?: PhoneNumber;
  place: PlaceValue;
  sector: Sector;
  /** Prospective members, the farmer included; none when the farmer did not know. */
  members?: number;
  landArea?: LandArea;
  callTime: CallTime;
  note: string;
  consentVersion: string;
};

/** What the farmer answered in the flow: a lead before it is saved (no reference, status or consent yet). */
export type LeadDraft = Pick<
  Lead,
  "purpose" | "fullName" | "contact" | "phone" | "place" | "sector" | "members" | "landArea" | "callTime" | "note"
>;

/** A lead as stored: the domain fields plus where it came from and who handles it. */
export type StoredLead = Lead & {
  id: number;
  channel: string;
  chatId?: string;
  assignedToId?: number;
  consentAt: Date;
  updatedAt: Date;
};
