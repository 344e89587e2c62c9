import { CAN_THO_PROVINCE_CODE, type PlaceCandidate, type PlaceResolver } from "./resolver.js";

/**
 * A former place named in a farmer's question ("HTX ở xã Vĩnh Thành, Thạnh Trị đăng ký ở đâu?"):
 * since 1 July 2025 there are no districts and Sóc Trăng is part of Cần Thơ, so the answer says
 * which commune it is today. Only names after an administrative word ("xã", "huyện", "tỉnh", …) or
 * a preposition ("ở", "tại") are looked up, so ordinary words are not taken for places, and only
 * places of today's Cần Thơ.
 */

export type MentionedPlace =
  /** A former commune that is now (part of) one current commune. */
  | { kind: "commune"; former: string; current: string; province: string }
  /** A former district: its communes now belong to these current ones. */
  | { kind: "district"; former: string; current: string[]; province: string }
  /** A former province merged into a current one. */
  | { kind: "province"; former: string; current: string };

/** An administrative word and the (up to six) words after it, commas included ("xã A, huyện B"). */
const PLACE_PHRASE =
  /(?<![\p{L}\p{N}])(xã|xa|phường|phuong|thị trấn|thi tran|thị xã|thi xa|huyện|huyen|quận|quan|tỉnh|tinh|thành phố|thanh pho|tp)\s+((?:[\p{L}\p{N}]+,?\s*){1,6})/giu;
/**
 * "ở Kế Sách", "tai Soc Trang": farmers often name a place after a preposition without "huyện" or
 * "tỉnh". Such a bare name counts only when it has two words or more ("ở đây", "ở nhà" are not
 * places) and names a former province, a former district or one former commune exactly.
 */
const LOCATIVE_PHRASE = /(?<![\p{L}\p{N}])(?:ở|o|tại|tai)\s+((?:[\p{L}\p{N}]+\s*){2,4})/giu;
const MIN_BARE_WORDS = 2;
const DISTRICT_WORDS = /^(huyện|huyen|quận|quan|thị xã|thi xa)$/iu;
const PROVINCE_WORDS = /^(tỉnh|tinh)$/iu;
/** Exact or nearly exact names only: a question is not a form, there is no "did you mean". */
const MIN_SCORE = 0.9;
/** The other communes of a named district score a little lower; they are examples, not guesses. */
const MEMBER_SCORE = 0.85;
const DISTRICT_EXAMPLES = 3;

export function findMentionedPlace(question: string, places: PlaceResolver): MentionedPlace | null {
  for (const match of question.matchAll(PLACE_PHRASE)) {
    const [, word, following] = match as unknown as [string, string, string];
    // The name is some of the words after the administrative word: the longest that names a place.
    const found = longestNamed(following.trim().replace(/,$/, ""), 1, (name) => placeNamed(word, name, places));
    if (found) return found;
  }
  for (const match of question.matchAll(LOCATIVE_PHRASE)) {
    const found = longestNamed(match[1]!.trim(), MIN_BARE_WORDS, (name) => bareNamed(name, places));
    if (found) return found;
  }
  return null;
}

function longestNamed(
  following: string,
  minWords: number,
  named: (name: string) => MentionedPlace | null,
): MentionedPlace | null {
  const words = following.split(/\s+/);
  for (let n = words.length; n >= minWords; n -= 1) {
    const found = named(words.slice(0, n).join(" "));
    if (found) return found;
  }
  return null;
}

function placeNamed(word: string, rest: string, places: PlaceResolver): MentionedPlace | null {
  if (PROVINCE_WORDS.test(word)) return formerProvince(rest, places);
  const found = places.resolve(`${word} ${rest}`, { limit: 10, provinceCode: CAN_THO_PROVINCE_CODE });
  if (DISTRICT_WORDS.test(word)) return formerDistrict(found);
  return formerCommune(found);
}

/** A name without an administrative word: the widest unit it names, as farmers name the old ones. */
function bareNamed(name: string, places: PlaceResolver): MentionedPlace | null {
  const province = formerProvince(name, places);
  if (province) return province;
  const found = places.resolve(name, { limit: 10, provinceCode: CAN_THO_PROVINCE_CODE });
  return formerDistrict(found) ?? formerCommune(found);
}

function formerProvince(name: string, places: PlaceResolver): MentionedPlace | null {
  const province = places.provinceByName(name);
  if (province?.matchedVia !== "former_province" || !province.formerName) return null;
  return { kind: "province", former: province.formerName, current: province.name };
}

function formerDistrict(found: PlaceCandidate[]): MentionedPlace | null {
  const best = found.find((c) => c.matchedVia === "former_district");
  if (!best || best.score < MIN_SCORE) return null;
  // Two former districts share some names (Châu Thành of Sóc Trăng and of Hậu Giang): examples of one.
  const members = found.filter(
    (c) => c.matchedVia === "former_district" && c.formerName === best.formerName && c.score >= MEMBER_SCORE,
  );
  return {
    kind: "district",
    former: best.formerName!,
    current: members.slice(0, DISTRICT_EXAMPLES).map((c) => c.name),
    province: best.provinceName,
  };
}

function formerCommune(found: PlaceCandidate[]): MentionedPlace | null {
  const former = onlyFormerUnit(found.filter((c) => c.score >= MIN_SCORE));
  return former
    ? { kind: "commune", former: former.formerName!, current: former.name, province: former.provinceName }
    : null;
}

/** The one current commune an old commune became; none when the name is current or ambiguous. */
function onlyFormerUnit(candidates: PlaceCandidate[]): PlaceCandidate | null {
  const [best, next] = candidates;
  if (!best || best.matchedVia !== "former_unit" || best.formerPartial) return null;
  return next && next.score >= best.score ? null : best;
}
