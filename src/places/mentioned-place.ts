import { CAN_THO_PROVINCE_CODE, type PlaceCandidate, type PlaceResolver } from "./resolver.js";

/**
 * A former place named in a farmer's question ("HTX ở xã Vĩnh Thành, Thạnh Trị đăng ký ở đâu?"):
 * since 1 July 2025 there are no districts and Sóc Trăng is part of Cần Thơ, so the answer says
 * which commune it is today. Only names after an administrative word are looked up ("xã", "huyện",
 * "tỉnh", …), so ordinary words are never taken for places, and only places of today's Cần Thơ.
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
    const words = following.trim().replace(/,$/, "").split(/\s+/);
    for (let n = words.length; n > 0; n -= 1) {
      const found = placeNamed(word, words.slice(0, n).join(" "), places);
      if (found) return found;
    }
  }
  return null;
}

function placeNamed(word: string, rest: string, places: PlaceResolver): MentionedPlace | null {
  const phrase = `${word} ${rest}`;
  {
    if (PROVINCE_WORDS.test(word)) {
      const province = places.provinceByName(rest);
      if (province?.matchedVia === "former_province" && province.formerName) {
        return { kind: "province", former: province.formerName, current: province.name };
      }
      return null;
    }
    const found = places.resolve(phrase, { limit: 10, provinceCode: CAN_THO_PROVINCE_CODE });
    const candidates = found.filter((c) => c.score >= MIN_SCORE);
    if (DISTRICT_WORDS.test(word)) {
      const members = found.filter((c) => c.matchedVia === "former_district" && c.score >= MEMBER_SCORE);
      if (members[0] && members[0].score >= MIN_SCORE) {
        return {
          kind: "district",
          former: members[0]!.formerName!,
          current: members.slice(0, DISTRICT_EXAMPLES).map((c) => c.name),
          province: members[0]!.provinceName,
        };
      }
      return null;
    }
    const former = onlyFormerUnit(candidates);
    return former
      ? { kind: "commune", former: former.formerName!, current: former.name, province: former.provinceName }
      : null;
  }
}

/** The one current commune an old commune became; none when the name is current or ambiguous. */
function onlyFormerUnit(candidates: PlaceCandidate[]): PlaceCandidate | null {
  const [best, next] = candidates;
  if (!best || best.matchedVia !== "former_unit" || best.formerPartial) return null;
  return next && next.score >= best.score ? null : best;
}
