import type { SearchHit } from "../retrieval/knowledge-index.js";
import { namedEntities } from "../text/entities.js";
import { coversFocus, subjectsOf } from "./focus.js";
import type { QuestionWants } from "./passage.js";
import type { Section } from "../types.js";
import { memoByObject } from "../../lib/memo-by-object.js";

/**
 * Figures that differ by kind of borrower (a household, a farm owner, a cooperative) asked for by
 * someone who names no kind ("vay vốn được bao nhiêu"): the answer is the passage giving the figure
 * for each kind, household first as the guides write them, not the ceiling of one kind or of one
 * purpose that happened to share more words with the question.
 */

/** A passage naming at least this many kinds of borrower gives the figure for each. */
const OVERVIEW_KINDS = 3;
/** The overview must rank at least this close to the best hit. */
const OVERVIEW_MIN_SCORE = 0.5;

const kindsNamed = (text: string) => namedEntities(text).get("person")?.size ?? 0;
/** What a section offers an overview with, fixed per section (read once, not at every question). */
const sectionKinds = memoByObject((section: Section) => ({
  text: kindsNamed(section.text),
  heading: kindsNamed(section.heading),
  subjects: subjectsOf(`${section.heading}\n${section.text}`),
}));

export function preferOverview(question: string, wants: QuestionWants, hits: SearchHit[]): SearchHit[] {
  const [best, ...rest] = hits;
  if (!best || !wants.number) return hits;
  const asked = namedEntities(question);
  // The asker said who borrows ("hộ tui", "HTX", "chủ trang trại"): their own figure answers.
  if (asked.has("person") || asked.has("org") || sectionKinds(best.section).text >= OVERVIEW_KINDS) return hits;
  const focus = subjectsOf(question);
  const overview = rest.find((hit) => {
    const kinds = sectionKinds(hit.section);
    return (
      hit.score >= OVERVIEW_MIN_SCORE &&
      kinds.text >= OVERVIEW_KINDS &&
      kinds.heading === 0 &&
      coversFocus(focus, kinds.subjects)
    );
  });
  return overview ? [overview, ...hits.filter((hit) => hit !== overview)] : hits;
}
