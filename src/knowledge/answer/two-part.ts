import { foldVietnamese } from "../../lib/vietnamese.js";
import type { SearchHit } from "../retrieval/knowledge-index.js";
import { sectionTerms } from "../retrieval/search-text.js";
import { searchTerms } from "../text/search-terms.js";
import { entityPhrases, namedEntities, sectionEntities, withoutEntities, type EntityGroup } from "../text/entities.js";
import type { Section } from "../types.js";
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
function withContext(first: string, second: string): { searched: string; quoted: string } {
  const namedInSecond = new Set<EntityGroup>(namedEntities(second).keys());
  const firstSubjects = subjectsOf(first);
  const ownSubject = [...subjectsOf(second)].some((subject) => !firstSubjects.has(subject));
  const topic = ownSubject ? entityPhrases(first, namedInSecond) : withoutEntities(first, namedInSecond);
  // "trễ hạn thì sao" after "góp vốn bao lâu phải góp đủ" asks what follows being late, not how long:
  // a situation of its own keeps the first part's topic without what it asked.
  // Its sentences are then chosen by its own words: the topic found the passage, the situation is asked.
  const situation = namesOwnSituation(first, second);
  const carried = situation ? topic.replace(ASKING, " ").replace(/\s+/g, " ").trim() : topic;
  const searched = carried ? `${second} (${carried})` : second;
  return { searched, quoted: situation ? second : searched };
}

/** What a part asks, in canonical syllables: its question words ("bao lâu", "có được … không", "gì"). */
const ASKING =
  /\b(bao lau|bao nhieu|bao gio|khi nao|luc nao|o dau|the nao|ra sao|la gi|co duoc|duoc khong|khong|gi|nao|sao|ai)\b/g;

/** True when the second part names a situation the first does not ("trễ hạn", "mất mùa", "giải thể"). */
function namesOwnSituation(first: string, second: string): boolean {
  const situations = (text: string) => searchTerms(text, { accents: false }).filter((term) => term.startsWith("#"));
  const firstOnes = new Set(situations(first));
  return situations(second).some((concept) => !firstOnes.has(concept));
}

export interface TwoParts {
  /** Each part as the farmer wrote it, for the answer's labels. */
  asked: [string, string];
  /** Each part as searched: the second with the first's topic carried over. */
  searched: [string, string];
  /** The words each part's sentences are chosen by: as searched, or a situation of its own as asked. */
  quoted: [string, string];
}

/** The two questions of a message asking two, or null when it asks one. */
export function twoParts(question: string): TwoParts | null {
  const text = question.trim();
  for (const match of text.matchAll(SPLIT_POINT)) {
    const first = text.slice(0, match.index).trim();
    const second = text.slice(match.index + match[0].length).trim();
    if (!second) continue;
    if (!endsAsking(first, match[0].startsWith("?")) || !endsAsking(second, /\?\s*$/.test(second))) continue;
    const context = withContext(first, second);
    return { asked: [first, second], searched: [first, context.searched], quoted: [first, context.quoted] };
  }
  return null;
}

/** A passage answering the second part instead of the first's must rank at least this close. */
const OTHER_PASSAGE_MIN_SCORE = 0.6;
/** Hits looked at for that passage. */
const OTHER_PASSAGE_LOOKAHEAD = 4;

/**
 * How much of what the second part adds to the first a section holds: the idf of the second part's
 * terms the first lacks ("trễ hạn" after "góp vốn bao lâu phải góp đủ"), found in the section.
 */
function addedWeight(asked: TwoParts["asked"], section: Section, idf: (term: string) => number): number {
  const first = new Set(searchTerms(asked[0], { accents: false }));
  const terms = new Set(sectionTerms(section));
  let weight = 0;
  for (const term of new Set(searchTerms(asked[1], { accents: false }))) {
    if (!first.has(term) && terms.has(term)) weight += idf(term);
  }
  return weight;
}

/**
 * True when a section is about an organisation or lender the first part names and the second part
 * replaces ("HTX được hỗ trợ gì, còn tổ hợp tác thì sao": a heading naming both answers the first).
 */
function namesReplaced(asked: TwoParts["asked"], section: Section): boolean {
  const own = sectionEntities(section.heading, section.topicTitle);
  const firstNamed = namedEntities(asked[0]);
  return [...namedEntities(asked[1])].some(([group, ids]) =>
    [...(firstNamed.get(group) ?? [])].some((id) => !ids.has(id) && own.get(group)?.has(id)),
  );
}

/**
 * The second part's hits when its best is the passage already quoted for the first part
 * (`sharedId`): a close hit holding more of what the second part adds, or as much of it without the
 * organisation the second part replaces, answers it instead ("trễ hạn thì sao" → the late-payment
 * rule, not the deadline again). Null when none does: one passage then answers the whole message.
 */
export function otherPassageFirst(
  asked: TwoParts["asked"],
  sharedId: string,
  hits: SearchHit[],
  idf: (term: string) => number,
): SearchHit[] | null {
  const shared = hits.find((hit) => hit.section.id === sharedId);
  if (!shared) return null;
  const sharedWeight = addedWeight(asked, shared.section, idf);
  const sharedNamesReplaced = namesReplaced(asked, shared.section);
  const fits = (hit: SearchHit) => {
    const weight = addedWeight(asked, hit.section, idf);
    return (
      weight > sharedWeight ||
      (weight > 0 && weight === sharedWeight && sharedNamesReplaced && !namesReplaced(asked, hit.section))
    );
  };
  const other = hits
    .slice(0, OTHER_PASSAGE_LOOKAHEAD)
    .find((hit) => hit !== shared && hit.score >= OTHER_PASSAGE_MIN_SCORE * shared.score && fits(hit));
  return other ? [other, ...hits.filter((hit) => hit !== other && hit !== shared)] : null;
}
