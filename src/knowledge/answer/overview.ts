import type { SearchHit } from "../retrieval/knowledge-index.js";
import { namedEntities } from "../text/entities.js";
import { coversFocus, subjectsOf } from "./focus.js";
import type { QuestionWants } from "./passage.js";

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

export function preferOverview(question: string, wants: QuestionWants, hits: SearchHit[]): SearchHit[] {
  const [best, ...rest] = hits;
  if (!best || !wants.number) return hits;
  const asked = namedEntities(question);
  // The asker said who borrows ("hộ tui", "HTX", "chủ trang trại"): their own figure answers.
  if (asked.has("person") || asked.has("org") || kindsNamed(best.section.text) >= OVERVIEW_KINDS) return hits;
  const focus = subjectsOf(question);
  const overview = rest.find(
    (hit) =>
      hit.score >= OVERVIEW_MIN_SCORE &&
      kindsNamed(hit.section.text) >= OVERVIEW_KINDS &&
      kindsNamed(hit.section.heading) === 0 &&
      coversFocus(focus, subjectsOf(`${hit.section.heading}\n${hit.section.text}`)),
  );
  return overview ? [overview, ...hits.filter((hit) => hit !== overview)] : hits;
}
