import type { QuestionProfile } from "../retrieval/coverage.js";
import type { SearchHit } from "../retrieval/knowledge-index.js";
import { headingTerms } from "../retrieval/search-text.js";
import { coversFocus, subjectsOf } from "./focus.js";

/**
 * A heading says what its section answers. Sections share many words with a question ("HTX",
 * "thành viên", "góp", "vô"), so the best-scored one may be written for another subject: "ưu đãi
 * thuế" for a question about land, "tiền bảo hiểm khi giải thể" for one about dissolution, "vốn
 * tối thiểu" for one about how many members. A hit close behind whose heading names the question's
 * subjects and fewer others answers it better.
 */

/** Only hits this close to the best are considered (scores are normalised, the best is 1). */
const CLOSE_SCORE = 0.75;
/** Hits looked at behind the best one. */
const LOOKAHEAD = 4;

/** How far a heading is from the question: subjects it names that the question does not; Infinity when it misses the question's. */
function headingDistance(focus: ReadonlySet<string>, hit: SearchHit): number {
  const heading = subjectsOf(hit.section.heading);
  if (!coversFocus(focus, heading)) return Infinity;
  return [...heading].filter((subject) => !focus.has(subject)).length;
}

/** The governing roles: a heading naming several lists them, each one is a question's subject. */
const ROLES = new Set(["director", "board", "control"]);

/** True when the question names a role and the heading's other subjects are all roles (a list of them). */
function listsRoles(focus: ReadonlySet<string>, hit: SearchHit): boolean {
  const others = [...subjectsOf(hit.section.heading)].filter((subject) => !focus.has(subject));
  return [...focus].some((subject) => ROLES.has(subject)) && others.every((subject) => ROLES.has(subject));
}

/** The hits with the close one whose heading fits the question best moved first, when it fits better than the best. */
export function preferFittingHeading(question: string, hits: SearchHit[]): SearchHit[] {
  const [best, ...rest] = hits;
  if (!best) return hits;
  const focus = subjectsOf(question);
  const bestDistance = headingDistance(focus, best);
  // Only a heading written for another subject gives way: one naming none may still answer (the
  // lexicon is small), and one naming the question's subjects among others (a list of roles) does.
  const otherSubject = [...subjectsOf(best.section.heading)].some((subject) => !focus.has(subject));
  if (!otherSubject) return hits;
  // A heading naming the question's subjects among others still answers when they are listed
  // together (roles: "Ai không được làm Hội đồng quản trị, Giám đốc, kiểm soát viên?"), otherwise
  // a close one naming them alone answers better: "HTX giải thể thì sao?" is answered by "Khi nào
  // HTX bị giải thể?", not by what happens to the workers' insurance when it is dissolved.
  const named = focus.size > 0 && bestDistance !== Infinity;
  if (named && listsRoles(focus, best)) return hits;
  let chosen: SearchHit | null = null;
  let chosenDistance = named ? 1 : bestDistance;
  for (const hit of rest.slice(0, LOOKAHEAD)) {
    if (hit.score < CLOSE_SCORE) continue;
    const distance = headingDistance(focus, hit);
    if (distance < chosenDistance) [chosen, chosenDistance] = [hit, distance];
  }
  return chosen ? [chosen, ...hits.filter((hit) => hit !== chosen)] : hits;
}

/**
 * True when a section's heading names what the question is about: a concept they share ("tạm nghỉ"
 * ~ "nghỉ vài tháng") or one of the question's subjects. A long chatty question covers little of
 * any section ("mùa lũ này HTX tui tính nghỉ vài tháng, có phải báo cho ai hông nha"), yet such a
 * heading shows the section is about it: worth a hedged answer rather than "not found".
 */
export function headingNamesTopic(question: string, profile: QuestionProfile, hit: SearchHit): boolean {
  const heading = headingTerms(hit.section);
  if (heading.some((term) => term.startsWith("#") && profile.weights.has(term))) return true;
  const headingSubjects = subjectsOf(hit.section.heading);
  return [...subjectsOf(question)].some((subject) => headingSubjects.has(subject));
}
