import type { Translate } from "../i18n/translate.js";
import { containsPhrase, foldVietnamese } from "../lib/vietnamese.js";

/**
 * Main farming sectors of the Mekong delta, with the words farmers actually type for them
 * ("nuôi tôm", "heo", "sầu riêng"). Anything else is kept as free text.
 */
export const SECTOR_IDS = ["lua", "trai_cay", "thuy_san", "hanh_tim", "chan_nuoi", "rau_mau", "mia"] as const;
export type SectorId = (typeof SECTOR_IDS)[number];

/** A known sector, or "other" with the farmer's own words. `text` keeps what was typed. */
export type Sector = { id: SectorId | "other"; text: string };

const SYNONYMS: Record<SectorId, string[]> = {
  lua: ["lua", "lua gao", "gao", "ruong", "trong lua", "lam ruong"],
  trai_cay: [
    "trai cay", "cay an trai", "cay an qua", "vuon", "lam vuon",
    "xoai", "sau rieng", "buoi", "cam", "quyt", "chom chom", "nhan", "mit", "chuoi", "thanh long", "vu sua",
  ],
  thuy_san: ["thuy san", "ca", "tom", "cua", "nuoi ca", "nuoi tom", "ca tra", "tom su", "tom the", "luon", "oc"],
  hanh_tim: ["hanh", "hanh tim", "trong hanh"],
  chan_nuoi: ["chan nuoi", "heo", "lon", "bo", "ga", "vit", "de", "trau", "nuoi heo", "nuoi bo", "nuoi ga"],
  // "cà" folds to "ca" like "cá": the longer phrases ("ca tim") win over the fish.
  rau_mau: ["rau", "rau mau", "rau an la", "ca tim", "ca chua", "ca phao", "dua leo", "bap", "ngo", "khoai"],
  mia: ["mia", "trong mia"],
};

/** Message key of a sector's Vietnamese label. */
export const isSectorId = (value: string): value is SectorId => (SECTOR_IDS as readonly string[]).includes(value);

export const sectorLabelKey = (id: SectorId) => `leads-sector-${id.replaceAll("_", "-")}`;

/**
 * The sector the text names. The longest matching phrase wins, so "cà tím" is rau màu, not the
 * fish; on a tie ("lúa - tôm") the sector named first wins, and `text` keeps the rest for officers.
 */
export function matchSector(text: string): SectorId | undefined {
  const folded = ` ${foldVietnamese(text)} `;
  let best: { id: SectorId; length: number; position: number } | undefined;
  for (const id of SECTOR_IDS) {
    for (const phrase of SYNONYMS[id]) {
      if (!containsPhrase(text, phrase)) continue;
      const position = folded.indexOf(` ${phrase} `);
      const better =
        !best || phrase.length > best.length || (phrase.length === best.length && position < best.position);
      if (better) best = { id, length: phrase.length, position };
    }
  }
  return best?.id;
}

/** Grouping key for pooling: the sector id, or the folded free text ("nuoi ech"). */
export function sectorKey(sector: Sector): string {
  return sector.id === "other" ? `other:${foldVietnamese(sector.text)}` : sector.id;
}

/** The sector's label, with the farmer's own words when they say more ("Trái cây (sầu riêng)"). */
export function sectorText(sector: Sector, t: Translate): string {
  const { id, text } = sector;
  if (id === "other") return text;
  const label = t(sectorLabelKey(id));
  return foldVietnamese(label) === foldVietnamese(text) ? label : `${label} (${text})`;
}
