import type { Lead } from "./lead.js";
import { HTX_MIN_MEMBERS, type PurposeId } from "./purposes.js";
import { sectorKey } from "./sectors.js";

/**
 * Farmers of one commune and sector who each want a cooperative may not know each other. When
 * together they reach the legal minimum (HTX_MIN_MEMBERS), officers are told once so they can bring
 * them together.
 */

/**
 * Founding an HTX or a tổ hợp tác (which can grow into one) is pooled. Joining an existing HTX is
 * not a new group, and a liên hiệp's members are cooperatives, not farmers.
 */
export const POOLED_PURPOSES: readonly PurposeId[] = ["found_htx", "found_tht"];

export type PoolingLead = Pick<Lead, "reference" | "status" | "purpose" | "sector" | "members"> & {
  place: Pick<Lead["place"], "code" | "name">;
};

export type Pool = {
  /** Stable id of the group, to remember that officers were notified: "31777|lua". */
  key: string;
  communeCode: string;
  communeName: string;
  sector: Lead["sector"];
  leadReferences: string[];
  /**
   * Sum of the members each lead expects. An estimate: two farmers of the same group may count
   * the same people, so officers confirm by phone.
   */
  prospectiveMembers: number;
};

export const poolKey = (lead: PoolingLead) => `${lead.place.code}|${sectorKey(lead.sector)}`;

/** Pools that reached the minimum and were not yet notified, largest first. */
export function poolsReachingMinimum(leads: readonly PoolingLead[], alreadyNotified: ReadonlySet<string>): Pool[] {
  const pools = new Map<string, Pool>();
  for (const lead of leads) {
    // Closed leads withdrew; founded ones already have their cooperative.
    if (!POOLED_PURPOSES.includes(lead.purpose) || lead.status === "closed" || lead.status === "founded") continue;
    const key = poolKey(lead);
    if (alreadyNotified.has(key)) continue;
    const pool = pools.get(key) ?? {
      key,
      communeCode: lead.place.code,
      communeName: lead.place.name,
      sector: lead.sector,
      leadReferences: [],
      prospectiveMembers: 0,
    };
    pool.leadReferences.push(lead.reference);
    // A farmer who did not know the group's size counts at least themselves.
    pool.prospectiveMembers += lead.members ?? 1;
    pools.set(key, pool);
  }
  return [...pools.values()]
    .filter((pool) => pool.prospectiveMembers >= HTX_MIN_MEMBERS)
    .sort((a, b) => b.prospectiveMembers - a.prospectiveMembers || a.key.localeCompare(b.key));
}
