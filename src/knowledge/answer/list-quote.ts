/**
 * A question asking for a list ("hỗ trợ những gì", "gồm giấy tờ gì", "mấy loại") is answered with the
 * list, each item shortened, not with the sentence before it: "9 nhóm hỗ trợ: Đào tạo và tư vấn. …"
 * cut after two items tells the farmer less than the nine names.
 */

/** A list item: "- …", "* …", "• …", "1. …", "2) …", or a legal point "a) …", "đ) …". */
const ITEM = /^\s*(?:[-*•]|\d{1,2}[.)]|[a-zđ]\))\s+/u;
/** Fewer items than this are sentences, not a list worth laying out. */
const MIN_ITEMS = 3;
/** The whole list quote fits this (a phone screen). */
const LIST_BUDGET = 520;
/** The line after the list is quoted when it is this short. */
const AFTER_CHARS = 180;
/** No item is cut shorter than this. */
const MIN_ITEM_CHARS = 48;

/** An item cut at a clause boundary to `max` characters ("Vốn và bảo hiểm (vay ưu đãi, …)" → "Vốn và bảo hiểm…"). */
function shortened(item: string, max: number): string {
  if (item.length <= max) return item;
  const head = item.slice(0, max);
  const cut = Math.max(head.lastIndexOf(" ("), head.lastIndexOf(", "), head.lastIndexOf("; "), head.lastIndexOf(": "));
  const end = cut > max / 3 ? cut : head.lastIndexOf(" ");
  return `${item.slice(0, end > 0 ? end : max).replace(/[,;:.]$/, "")}…`;
}

/** A line introducing a list or a group of its items ("… 9 nhóm hỗ trợ:", "Phần về thành viên:"). */
const introduces = (line: string) => line.endsWith(":");
/** An introduction this short names a group ("Phần về thành viên:"); the sentence before it says what the list is. */
const GROUP_HEADER_CHARS = 40;

/**
 * The lists of a text laid out for a phone: the line introducing them, then their items one a line
 * (with the headers of their groups), each shortened when all do not fit; items that still do not fit
 * end with "…"; a short line after the list follows it. `budget` may shorten it (a part of a two-part
 * answer). Null when the text has no list of at least MIN_ITEMS items.
 */
export function quoteList(text: string, budget = LIST_BUDGET): string | null {
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const start = lines.findIndex((line) => ITEM.test(line));
  if (start < 0) return null;
  let end = start;
  while (end < lines.length && (ITEM.test(lines[end]!) || introduces(lines[end]!))) end += 1;
  const body = lines.slice(start, end);
  const items = body.filter((line) => ITEM.test(line));
  if (items.length < MIN_ITEMS) return null;
  const intro: string[] = [];
  const before = lines[start - 1];
  if (before && introduces(before)) {
    if (before.length < GROUP_HEADER_CHARS && lines[start - 2]) intro.push(lines[start - 2]!);
    intro.push(before);
  }
  const room = Math.min(budget, LIST_BUDGET) - intro.reduce((n, line) => n + line.length + 1, 0);
  const full = body.reduce((n, line) => n + line.length + 1, 0);
  const perItem = full <= room ? Infinity : Math.max(MIN_ITEM_CHARS, Math.floor(room / body.length) - 1);
  const out = [...intro];
  let used = 0;
  for (const line of body) {
    const quoted = ITEM.test(line) ? shortened(line, perItem) : line;
    if (used + quoted.length + 1 > room) {
      out.push("…");
      break;
    }
    out.push(quoted);
    used += quoted.length + 1;
  }
  // What follows the list often qualifies it ("Không phải ai cũng được tự động hưởng…"): kept when short.
  const after = lines[end];
  if (after && !out.includes("…") && after.length <= AFTER_CHARS) out.push(after);
  return out.join("\n");
}
