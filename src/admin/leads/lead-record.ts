import type { Prisma } from "../../db/index.js";
import type { Lead } from "../../leads/lead.js";
import { CALL_TIMES, type CallTime } from "../../leads/lead-fields.js";
import { isSectorId } from "./sector-choice.js";
import { parsePhone } from "../../lib/phone.js";

/**
 * A lead row as the domain type the export understands. Erased leads (/xoa) have no name or phone
 * any more; they export as blanks.
 */
export type LeadRow = Prisma.LeadModel;

const isCallTime = (value: string): value is CallTime => (CALL_TIMES as readonly string[]).includes(value);

function phoneOf(stored: string | null): Lead["phone"] {
  if (!stored) return { e164: "", display: "" };
  const parsed = parsePhone(stored);
  return parsed.ok ? { e164: parsed.e164, display: parsed.display } : { e164: stored, display: stored };
}

export function toDomainLead(row: LeadRow): Lead {
  return {
    reference: row.reference,
    createdAt: row.createdAt,
    status: row.status,
    purpose: row.purpose,
    fullName: row.fullName ?? "",
    phone: phoneOf(row.phone),
    place: { code: row.communeCode, name: row.communeName, provinceCode: row.provinceCode, provinceName: row.provinceName },
    sector: { id: isSectorId(row.sector) ? row.sector : "other", text: row.sectorLabel },
    members: row.members,
    landArea: row.landAreaHa === null ? undefined : { hectares: row.landAreaHa, display: `${row.landAreaHa} ha` },
    callTime: isCallTime(row.callTime) ? row.callTime : "any",
    note: row.note ?? "",
    consentVersion: row.consentVersion,
  };
}
