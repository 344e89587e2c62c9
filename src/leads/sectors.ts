import type { Translate } from "../i18n/translate.js";
import { foldVietnamese } from "../lib/vietnamese.js";

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
    "trai cay",
    "cay an trai",
    "cay an qua",
    "vuon",
    "lam vuon",
    "xoai",
    "sau rieng",
    "buoi",
    "cam",
    "quyt",
    "chom chom",
    "nhan",
    "mit",
    "chuoi",
    "thanh long",
    "vu sua",
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

type Match = { id: SectorId; start: number; end: number };

/**
 * Every sector the text names, in the order named: "lúa + nuôi tôm" is lúa and thủy sản. A phrase
 * inside a longer one counts only as the longer ("cà tím" is rau màu, not the fish "cá").
 */
export function namedSectors(text: string): SectorId[] {
  const folded = ` ${foldVietnamese(text)} `;
  const matches: Match[] = [];
  for (const id of SECTOR_IDS) {
    for (const phrase of SYNONYMS[id]) {
      for (let at = folded.indexOf(` ${phrase} `); at >= 0; at = folded.indexOf(` ${phrase} `, at + 1)) {
        matches.push({ id, start: at + 1, end: at + 1 + phrase.length });
      }
    }
  }
  const inside = (m: Match) =>
    matches.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start);
  const kept = matches.filter((m) => !inside(m)).sort((a, b) => a.start - b.start);
  return [...new Set(kept.map((m) => m.id))];
}

/** The sector the text names first; `text` keeps the rest for officers ("lúa - tôm" is lúa). */
export const matchSector = (text: string): SectorId | undefined => namedSectors(text)[0];

/** Every known sector of a farmer's answer, the chosen one first: "lúa + nuôi tôm" is lua and thuy_san. */
export const sectorIds = (sector: Sector): SectorId[] =>
  sector.id === "other" ? [] : [...new Set([sector.id, ...namedSectors(sector.text)])];

/** Grouping key for pooling: the sector id, or the folded free text ("nuoi ech"). */
export function sectorKey(sector: Sector): string {
  return sector.id === "other" ? `other:${foldVietnamese(sector.text)}` : sector.id;
}

/**
 * The sector's labels, with the farmer's own words when they say more: "Trái cây (sầu riêng)",
 * "Lúa + Thủy sản (lua + nuoi tom)" for a farm that does both.
 */
export function sectorText(sector: Sector, t: Translate): string {
  const { id, text } = sector;
  if (id === "other") return text;
  const label = sectorIds(sector)
    .map((named) => t(sectorLabelKey(named)))
    .join(" + ");
  return foldVietnamese(label) === foldVietnamese(text) ? label : `${label} (${text})`;
}
