import type { Lead, LeadDraft } from "../../src/leads/lead.js";

/** A complete lead; tests override only what they are about. */
export function aLead(overrides: Partial<Lead> = {}): Lead {
  return {
    reference: "HTX-7K3Q9",
    createdAt: new Date("2026-11-27T07:05:00Z"),
    status: "new",
    purpose: "found_htx",
    fullName: "Nguyễn Văn An",
    contact: "own_phone",
    phone: { e164: "+84912345678", display: "0912 345 678" },
    place: { code: "31777", name: "Xã Vĩnh Lợi", provinceCode: "92", provinceName: "Thành phố Cần Thơ" },
    sector: { id: "lua", text: "lúa" },
    members: 2,
    landArea: { hectares: 0.2, display: "0,2 ha" },
    callTime: "morning",
    note: "",
    consentVersion: "2026-11-v1",
    ...overrides,
  };
}

/** A farmer's complete answers, as the register flow hands them to the lead service. */
export function aDraft(overrides: Partial<LeadDraft> = {}): LeadDraft {
  const { purpose, fullName, contact, phone, place, sector, members, landArea, callTime, note } = aLead();
  return { purpose, fullName, contact, phone, place, sector, members, landArea, callTime, note, ...overrides };
}

/**
 * A lead of aDraft() after its farmer's data is erased, by the farmer or by retention: who they are and
 * how to reach them is gone, the statistics (commune, members) stay.
 */
export const anonymisedLead = (erasedAt: Date) => ({
  fullName: null,
  phone: null,
  note: null,
  chatId: null,
  searchText: "",
  erasedAt,
  communeCode: "31777",
  members: 2,
});
