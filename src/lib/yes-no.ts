import { foldVietnamese } from "./vietnamese.js";

export type YesNo = "yes" | "no";

// Whole replies, folded: southern speech says "hông"/"hổng"/"hem" for no and "dạ"/"ừ" for yes.
const YES = new Set([
  "co",
  "co a",
  "da",
  "da co",
  "dung",
  "dung roi",
  "roi",
  "co roi",
  "yes",
  "c",
  "u",
  "uh",
  "uhm",
  "um",
  "vang",
  "duoc",
  "dc",
  "ok",
  "oke",
]);
const NO = new Set([
  "khong",
  "khong co",
  "ko",
  "k",
  "kg",
  "khg",
  "hong",
  "hong co",
  "hok",
  "hem",
  "hem co",
  "chua",
  "chua co",
  "no",
  "da khong",
  "da hong",
]);

/**
 * "Not" as farmers type it, folded: an alternation for patterns that read a negated phrase
 * ("ko co so", "hong biet"); the whole-reply words above are for a bare yes or no.
 */
export const NEGATION = "(?:khong|ko|k|kg|khg|hong|hok|hem|chua)";

/** A typed reply that means yes or no as a whole ("hông", "ừ"), or undefined. */
export function readYesNo(text: string): YesNo | undefined {
  const folded = foldVietnamese(text);
  if (YES.has(folded)) return "yes";
  if (NO.has(folded)) return "no";
  return undefined;
}
