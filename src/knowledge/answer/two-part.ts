import { foldVietnamese } from "../../lib/vietnamese.js";
import { entityPhrases, namedEntities, withoutEntities, type EntityGroup } from "../text/entities.js";
import { subjectsOf } from "./focus.js";
import { questionWants } from "./passage.js";
import { statedFigures } from "./stated-figure.js";

/**
 * Two questions in one message ("HTX cần mấy người, còn tổ hợp tác thì sao?", "Vay được bao nhiêu
 * với lại lãi suất mấy phần trăm?", "… được không? Hạn mấy ngày?"): each part is answered on its
 * own. A second part that names no subject of its own ("còn tổ hợp tác thì sao", "hạn mấy ngày") is
 * asked with the first part's topic carried over.
 */

/** Words opening the second question: "còn", "với lại", "ngoài ra", "và", "rồi" (accented or not). */
const CONNECTOR = String.raw`(?:còn|con|với lại|voi lai|vs lại|ngoài ra|ngoai ra|và|va|rồi|roi|thêm nữa|them nua)`;
/** Where a second question may start: after a question mark, or at a connector (after a comma or not). */
const SPLIT_POINT = new RegExp(
  String.raw`\?+\s*(?:${CONNECTOR}\s+)?|[,;.]\s*(?:${CONNECTOR}\s+)?|\s${CONNECTOR}\s+`,
  "giu",
);
/** "… thì sao", "… thì thế nào": the second part asks the first question about something else. */
const ASKS_THE_SAME = /\b(thi|the) (sao|the nao|nhu nao|ra sao)( \w+)?$/;
/** A question word ending a sentence: "… gì", "… sao", "… nào", "… ai", "… đâu". */
const WH_END = /\b(gi|j|sao|nao|ai|dau|bn)$/;
const NEGATION = /\b(khong|ko|k|hong|hok|chua|cha)\b/;
/** Fewer syllables than this is a fragment ("còn vợ"), not a question. */
const MIN_SYLLABLES = 2;
/** How many closing syllables of the first part are read for what it asks ("ít nhất mấy người"). */
const TAIL_SYLLABLES = 5;

/**
 * True when a piece of a message ends by asking something: a question mark, "thì sao", a yes/no
 * ending, a number or a list asked for in its last words, or a question word last. A statement
 * that merely holds a question word ("… hổng ủy quyền cho ai hết") asks nothing.
 */
function endsAsking(part: string, endsWithMark: boolean): boolean {
  const syllables = foldVietnamese(part).split(" ").filter(Boolean);
  if (syllables.length < MIN_SYLLABLES) return false;
  const tail = syllables.slice(-TAIL_SYLLABLES).join(" ");
  if (endsWithMark || ASKS_THE_SAME.test(tail)) return true;
  // After a negation a question word means "any" ("hổng ủy quyền cho ai", "ko biết đâu"): no question.
  if (WH_END.test(tail)) return !NEGATION.test(syllables.join(" "));
  // "con tui 16 tuổi" states a figure: questionWants counts it as wanting one, but it asks nothing.
  const wants = questionWants(tail);
  return (wants.number && statedFigures(tail).length === 0) || wants.yesNo || !!wants.list;
}

/**
 * The second part as a question of its own: followed by the first part's topic, without the
 * organisations, lenders or borrowers the second part names instead ("tổ hợp tác thì sao" +
 * "can may nguoi"; "cho vay tối đa bao lâu" + "htx cho xa vien vay tien lam mua"). A second part
 * naming a subject the first does not ("đại hội bao lâu họp 1 lần" after a capital question) keeps
 * only who the first is about: its topic would pull the search back to the first question.
 */
function withContext(first: string, second: string): string {
  const namedInSecond = new Set<EntityGroup>(namedEntities(second).keys());
  const firstSubjects = subjectsOf(first);
  const ownSubject = [...subjectsOf(second)].some((subject) => !firstSubjects.has(subject));
  const carried = ownSubject ? entityPhrases(first, namedInSecond) : withoutEntities(first, namedInSecond);
  return carried ? `${second} (${carried})` : second;
}

export interface TwoParts {
  /** Each part as the farmer wrote it, for the answer's labels. */
  asked: [string, string];
  /** Each part as searched: the second with the first's topic carried over. */
  searched: [string, string];
}

/** The two questions of a message asking two, or null when it asks one. */
export function twoParts(question: string): TwoParts | null {
  const text = question.trim();
  for (const match of text.matchAll(SPLIT_POINT)) {
    const first = text.slice(0, match.index).trim();
    const second = text.slice(match.index + match[0].length).trim();
    if (!second) continue;
    if (!endsAsking(first, match[0].startsWith("?")) || !endsAsking(second, /\?\s*$/.test(second))) continue;
    return { asked: [first, second], searched: [first, withContext(first, second)] };
  }
  return null;
}
