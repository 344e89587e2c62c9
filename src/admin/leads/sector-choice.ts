import type { Translate } from "../../i18n/translate.js";
import { SECTOR_IDS, sectorLabelKey, type SectorId } from "../../leads/sectors.js";

export const isSectorId = (value: string): value is SectorId => (SECTOR_IDS as readonly string[]).includes(value);

/** A stored sector as officers read it: the label of a known sector, else the farmer's own words. */
export const sectorChoiceLabel = (t: Translate, sector: string, typed: string): string => (isSectorId(sector) ? t(sectorLabelKey(sector)) : typed);
