import type { Translate } from "../../i18n/translate.js";
import { isSectorId, sectorLabelKey, sectorText } from "../../leads/sectors.js";

/** A stored sector as officers read it: the label of a known sector, else the farmer's own words. */
export const sectorChoiceLabel = (t: Translate, sector: string, typed: string): string =>
  isSectorId(sector) ? t(sectorLabelKey(sector)) : typed;

/** A sector as a group (charts, the list's sector choice): every farmer's own words are one "Khác". */
export const sectorGroupLabel = (t: Translate, sector: string): string =>
  isSectorId(sector) ? t(sectorLabelKey(sector)) : t("leads-sector-other");

/** A lead's sector in full: every sector the farmer named ("Lúa + Thủy sản (lua + nuoi tom)"), else their words. */
export const leadSectorText = (t: Translate, sector: string, typed: string): string =>
  isSectorId(sector) ? sectorText({ id: sector, text: typed }, t) : typed;
