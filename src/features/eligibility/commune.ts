import { communeWithProvince } from "../../places/place-data.js";
import type { PlaceCandidate, PlaceResolver } from "../../places/resolver.js";

/** A commune the farmer may mean, as the answer value the rules read ("Xã Kế Sách, Thành phố Cần Thơ"). */
export interface CommuneChoice {
  code: string;
  value: string;
  /** Button text: name and province, and the old name it was found by. */
  label: string;
  /** "Xã Vĩnh Thành (Huyện Thạnh Trị, Tỉnh Sóc Trăng)" when the farmer typed a name from before 2025. */
  formerName?: string;
}

export type CommuneLookup = { accepted: CommuneChoice } | { suggestions: CommuneChoice[] };

const MAX_SUGGESTIONS = 4;

const shortProvince = (name: string) => name.replace(/^(Thành phố|Tỉnh) /, "");

function choice(c: PlaceCandidate): CommuneChoice {
  const former = c.matchedVia === "name" ? undefined : c.formerName;
  const label = `${c.name}, ${shortProvince(c.provinceName)}${former ? ` (${former.split(" (")[0]})` : ""}`;
  return {
    code: c.code,
    value: communeWithProvince(c.name, c.provinceName),
    label,
    ...(former ? { formerName: former } : {}),
  };
}

/**
 * Reads a typed commune like the rest of the bot (diacritics optional, typos, old Sóc Trăng names):
 * one exact, whole match is taken; anything less certain is offered as "did you mean" choices.
 */
export function lookUpCommune(places: PlaceResolver, text: string): CommuneLookup {
  const found = places.resolve(text, { limit: MAX_SUGGESTIONS });
  const exact = found.filter((c) => c.score === 1);
  if (exact.length === 1 && !exact[0]!.formerPartial) return { accepted: choice(exact[0]!) };
  return { suggestions: found.map(choice) };
}
