import { foldVietnamese } from "../../lib/vietnamese.js";
import type { Section } from "../types.js";

/**
 * Geographic scope of a question and a passage. Our figures of cooperatives, members and loans are
 * those of one province (Sóc Trăng cũ, now part of Cần Thơ); a question about the whole country
 * ("ở Việt Nam", "cả nước", "toàn quốc") answered with them would state a local count as the
 * national one. Such an answer says first that only local figures are held. A question asking what
 * the law requires ("cần ít nhất mấy người", "phải", "bắt buộc") asks a rule, the same in every
 * province: the whole country named in it does not make it a question of figures.
 */

const NATIONWIDE = /\b(viet nam|vietnam|ca nuoc|toan quoc|nationwide|whole country)\b/;
/** Province-level places our local guides are about (their heading or guide title names them). */
const LOCAL_PLACE = /\b(soc trang|can tho)\b/;
/** A question about the local scene: it names the province, or the locality, or the asker's own. */
const LOCAL_QUESTION = /\b(soc trang|can tho|tinh|dia phuong|o day|xa minh|xa tui|tinh minh|tinh nha)\b/;

/** Words asking what is required: "cần" (not "cán bộ"), "phải", "tối thiểu", "ít nhất", "bắt buộc", "điều kiện". */
const ASKS_RULE = /\b(can(?! bo)|phai|toi thieu|it nhat|bat buoc|dieu kien|quy dinh)\b/;

/** True when a question asks what the law requires rather than how things are. */
export function asksForRule(question: string): boolean {
  return ASKS_RULE.test(foldVietnamese(question));
}

/** True when a question asks about the whole country. */
export function asksNationwide(question: string): boolean {
  return NATIONWIDE.test(foldVietnamese(question));
}

/** True when a question names the province or the locality ("ở Sóc Trăng", "tỉnh mình", "địa phương"). */
export function asksLocally(question: string): boolean {
  return LOCAL_QUESTION.test(foldVietnamese(question));
}

/** True when a section is about one province, not the country: its heading or guide title names it. */
export function isLocalSection(section: Pick<Section, "heading" | "topicTitle">): boolean {
  return LOCAL_PLACE.test(foldVietnamese(`${section.heading} ${section.topicTitle ?? ""}`));
}
