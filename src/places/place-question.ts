import { findMentionedPlace, type MentionedPlace } from "./mentioned-place.js";
import { CAN_THO_PROVINCE_CODE, type PlaceCandidate, type PlaceResolver } from "./resolver.js";
import { foldVietnamese } from "../lib/vietnamese.js";

/**
 * A question that only asks what a place is called or belongs to today ("xã Vĩnh Thành giờ thuộc
 * xã nào", "huyện Kế Sách nay là xã gì", "phường 5 Sóc Trăng đổi thành phường nào"): answered from
 * the place data, never from the law. The asking words must end the message, so a law question that
 * names a place ("tên xã đổi rồi có phải đăng ký lại không") stays a law question.
 */

export type PlaceQuestion =
  | { kind: "mentioned"; place: MentionedPlace }
  /** A name that fits several places today (a current name and a former one, or split units). */
  | {
      kind: "several";
      named: string;
      places: Array<{ former?: string; current: string; province: string; partial: boolean }>;
    }
  /** A name no commune, district or province of Cần Thơ (with former Sóc Trăng and Hậu Giang) has. */
  | { kind: "unknown"; named: string };

const ADMIN_WORD = String.raw`(xa|phuong|thi tran|thi xa|huyen|quan|tinh|thanh pho|tp)`;
const NOW = String.raw`((gio|bay gio|nay|hien nay|hien gio|hien tai|sau sap nhap|sau khi sap nhap|tu 1 7 2025) )?`;
const ASKING = String.raw`((thuoc|thuoc ve|nhap (vao|vo|voi)|sap nhap (vao|vo|voi)|ve|la|ten la|doi (ten )?thanh|thanh|con|doi ten) ((xa|phuong|tinh|thanh pho|tp|cai|ten) )?(nao|gi|dau|moi nao|ten gi|moi)|ten (moi )?(la )?gi|ten moi|con (ton tai|khong)|doi ten chua|co doi ten khong)`;
const PARTICLES = String.raw`( (vay|ha|a|nhi|nha|ban|bot|oi|ta|z|vay ta|the|roi|ne|khong|ko|hong|hok|ak))*`;
const PLACE_QUESTION = new RegExp(String.raw`^(.*?\b${ADMIN_WORD} .+?) ${NOW}${ASKING}${PARTICLES}$`);
/** Enough for "xã A, huyện B, tỉnh C". */
const MAX_NAME_WORDS = 10;
const MIN_SCORE = 0.9;

export function findPlaceQuestion(question: string, places: PlaceResolver): PlaceQuestion | null {
  const match = PLACE_QUESTION.exec(foldVietnamese(question));
  if (!match) return null;
  // The place as written (with its diacritics), up to where the asking words start.
  const named = placeWords(question, match[1]!.split(" ").length);
  if (named.split(/\s+/).length > MAX_NAME_WORDS) return null;
  const start = named.search(
    /(?<![\p{L}\p{N}])(xã|xa|phường|phuong|thị trấn|thi tran|thị xã|thi xa|huyện|huyen|quận|quan|tỉnh|tinh|thành phố|thanh pho|tp)\s/iu,
  );
  const phrase = named.slice(Math.max(0, start)).trim();
  const mentioned = findMentionedPlace(phrase, places);
  if (mentioned) return { kind: "mentioned", place: mentioned };
  const found = places
    .resolve(phrase, { limit: 6, provinceCode: CAN_THO_PROVINCE_CODE })
    .filter((c) => c.score >= MIN_SCORE && c.matchedVia !== "former_district");
  if (found.length === 0) return { kind: "unknown", named: phrase };
  return { kind: "several", named: phrase, places: found.map(describe) };
}

function describe(candidate: PlaceCandidate) {
  return {
    ...(candidate.matchedVia === "former_unit" ? { former: candidate.formerName } : {}),
    current: candidate.name,
    province: candidate.provinceName,
    partial: candidate.formerPartial === true,
  };
}

/** The first `count` words of the question as typed, punctuation kept inside ("xã A, huyện B"). */
function placeWords(question: string, count: number): string {
  const words = question.trim().split(/\s+/);
  let taken = 0;
  let end = 0;
  for (const word of words) {
    if (taken >= count) break;
    end += 1;
    if (foldVietnamese(word)) taken += foldVietnamese(word).split(" ").length;
  }
  return words
    .slice(0, end)
    .join(" ")
    .replace(/[?.!,]+$/, "");
}
