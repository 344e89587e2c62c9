import { foldVietnamese } from "../../lib/vietnamese.js";

/**
 * Counts of people a text states ("3 người", "07 thành viên", "năm xã viên") and claims a farmer
 * checks ("Nghe nói chỉ cần 3 người?"). A section written for another count ("Nghe nói phải đủ 7
 * người…") answers another claim; when the rule found states another minimum, the answer first
 * says politely that the figure heard is not right.
 */

const NUMBER_WORDS: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
};
const PEOPLE = String.raw`(nguoi|thanh vien|xa vien|ho(?! (tro|so|ten|gia dinh kinh doanh))|hop tac xa|htx)`;
/** How a unit is written back to the farmer. */
const UNIT_WORDS: Record<string, string> = {
  nguoi: "người",
  "thanh vien": "thành viên",
  "xa vien": "xã viên",
  ho: "hộ",
  "hop tac xa": "HTX",
  htx: "HTX",
};
const COUNT = new RegExp(String.raw`\b(\d+|${Object.keys(NUMBER_WORDS).join("|")}) ${PEOPLE}\b`, "g");
/** "ít nhất 05 thành viên", "tối thiểu 2 người", "do 03 HTX trở lên". */
const MINIMUM = new RegExp(String.raw`\b(it nhat|toi thieu|tu) (\d+) ${PEOPLE}\b|\b(\d+) ${PEOPLE} tro len\b`, "g");
/** Checking something heard or assumed: "nghe nói", "chỉ cần … thôi", "phải không", "đúng không", "hả". */
const CLAIM =
  /\b(nghe (noi|don|bao)|nguoi ta (noi|bao)|thay (noi|bao)|chi can|co phai|phai khong|dung khong|phai ko|dung ko|phai hong|dung hong|thoi ha|ha)\b/;

const value = (word: string) => (/^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word]!);

/** People counts a text states, e.g. [3] for "chỉ cần 3 người". */
export function statedCounts(text: string): number[] {
  return [...foldVietnamese(text).matchAll(COUNT)].map((m) => value(m[1]!));
}

/** True when a section's heading is about a count the question does not state (both state one). */
export function answersAnotherCount(question: string, heading: string): boolean {
  const asked = statedCounts(question);
  const written = statedCounts(heading);
  return asked.length > 0 && written.length > 0 && !written.some((n) => asked.includes(n));
}

/** True when a text states a minimum count of people ("ít nhất 05 thành viên"). */
export function statesMinimumCount(text: string): boolean {
  return [...foldVietnamese(text).matchAll(MINIMUM)].length > 0;
}

/**
 * The count a farmer heard, when the question checks it and the quoted rule's minimum is another one:
 * "3 người" for "Nghe nói chỉ cần 3 người?" answered with "ít nhất 05 thành viên". Null otherwise.
 */
export function wrongCountHeard(question: string, quoted: string): string | null {
  const folded = foldVietnamese(question);
  if (!CLAIM.test(folded)) return null;
  const heard = [...folded.matchAll(COUNT)][0];
  if (!heard) return null;
  const minimums = [...foldVietnamese(quoted).matchAll(MINIMUM)].map((m) => Number(m[2] ?? m[4]));
  if (minimums.length === 0 || minimums.includes(value(heard[1]!))) return null;
  return `${value(heard[1]!)} ${UNIT_WORDS[heard[2]!]}`;
}
