import type { Prisma, PrismaClient } from "../../src/db/index.js";
import { isSectorId, sectorIds } from "../../src/leads/sectors.js";
import { foldVietnamese } from "../../src/lib/vietnamese.js";

let counter = 0;

/** A lead row the way the registration flow stores one (searchText folded, sectors named); tests override what matters. */
export function leadRow(overrides: Partial<Prisma.LeadUncheckedCreateInput> = {}): Prisma.LeadUncheckedCreateInput {
  counter += 1;
  const row = {
    reference: `HTX-T${String(counter).padStart(4, "0")}`,
    channel: "webchat",
    chatId: `farmer-${counter}`,
    purpose: "found_htx" as const,
    fullName: "Nguyễn Văn An",
    phone: `+8491234${String(counter).padStart(4, "0")}`,
    communeCode: "31777",
    communeName: "Xã Vĩnh Lợi",
    provinceCode: "92",
    provinceName: "Thành phố Cần Thơ",
    sector: "lua",
    sectorLabel: "lúa",
    members: 2,
    landAreaHa: 0.5,
    callTime: "morning",
    consentVersion: "2026-11-v1",
    consentHash: "hash",
    consentAt: new Date("2026-11-20T03:00:00Z"),
    createdAt: new Date("2026-11-20T03:00:00Z"),
    ...overrides,
  };
  const searchText = foldVietnamese(`${row.fullName ?? ""} ${row.communeName} ${row.provinceName} ${row.sectorLabel}`);
  const sector = { id: isSectorId(row.sector) ? row.sector : ("other" as const), text: row.sectorLabel };
  return { sectors: sectorIds(sector), ...row, searchText };
}

/** Inserts one lead row (see leadRow). */
export const insertLead = (prisma: PrismaClient, overrides: Partial<Prisma.LeadUncheckedCreateInput> = {}) =>
  prisma.lead.create({ data: leadRow(overrides) });
