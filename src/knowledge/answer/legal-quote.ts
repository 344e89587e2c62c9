import { ASKED_FEATURE_BONUS } from "./asked-feature.js";
import type { QuestionProfile } from "../retrieval/coverage.js";
import { questionCoverage } from "../retrieval/coverage.js";
import { searchTerms } from "../text/search-terms.js";
import type { Citation, Section } from "../types.js";
import { memoByObject } from "../../lib/memo-by-object.js";

/**
 * Quotes an official text word for word: the khoản of a legal section that answers the question
 * (and, in a long khoản, its lead line with the điểm that match best), with the precise citation.
 * Nothing is reworded: the farmer is told these are the law's own words.
 */

/** Characters of law text quoted; a phone screen with the lead-in and the source line. */
const QUOTE_BUDGET = 420;

interface Clause {
  number: string | undefined;
  lines: string[];
}

/** A khoản with the search terms of its whole text and of each line (điểm), which do not depend on the question. */
interface IndexedClause extends Clause {
  terms: Set<string>;
  lineTerms: Array<Set<string>>;
}

const CLAUSE_START = /^(\d+)\.\s/;
/** An official text's section heading: "Điều 51. Title" or "Điều 51. Title (khoản 1–3)"; number and title. */
export const ARTICLE_HEADING = /^Điều\s+(\d+[a-zđ]?)\.\s*(.*?)(?:\s*\(khoản [^)]*\))?$/u;

function clausesOf(text: string): Clause[] {
  const clauses: Clause[] = [];
  for (const line of text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const number = CLAUSE_START.exec(line)?.[1];
    if (number || clauses.length === 0) clauses.push({ number, lines: [line] });
    else clauses.at(-1)!.lines.push(line);
  }
  return clauses;
}

const termSet = (text: string) => new Set(searchTerms(text));

function indexed(clause: Clause): IndexedClause {
  return { ...clause, terms: termSet(clause.lines.join(" ")), lineTerms: clause.lines.map(termSet) };
}

const indexedClausesOf = memoByObject((section: Section) => clausesOf(section.text).map(indexed));

/** A khoản's lead line and the điểm matching the question best, in text order, within the budget. */
function trimmedClause(clause: IndexedClause, profile: QuestionProfile, budget: number): string {
  const whole = clause.lines.join(" ");
  if (whole.length <= budget) return whole;
  const [lead, ...rest] = clause.lines;
  const chosen = new Set<number>();
  let used = lead!.length;
  rest
    .map((_, i) => ({ i, score: questionCoverage(profile, clause.lineTerms[i + 1]!) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score)
    .forEach(({ i }) => {
      if (used + rest[i]!.length + 1 <= budget) {
        chosen.add(i);
        used += rest[i]!.length + 1;
      }
    });
  const leadText = lead!.length > budget ? `${lead!.slice(0, lead!.lastIndexOf(" ", budget))}` : lead!;
  const points = rest.filter((_, i) => chosen.has(i));
  const omitted = points.length < rest.length || leadText !== lead;
  return [leadText, ...points].join(" ") + (omitted ? " […]" : "");
}

export interface LegalQuote {
  /** The quoted words, with "[…]" where parts were left out. */
  text: string;
  /** The citation narrowed to the quoted khoản. */
  citation: Citation;
  /** The article's own title ("Chuẩn bị Đại hội thành viên"), for a plain lead-in. */
  articleTitle: string | null;
}

/** `budget` shortens the quote below a phone screen (a part of a two-part answer, a hedge's passage). */
export function quoteLegal(
  section: Section,
  profile: QuestionProfile,
  feature?: RegExp | null,
  budget = QUOTE_BUDGET,
): LegalQuote {
  const clauses = indexedClausesOf(section);
  const scores = clauses.map(
    (c) => questionCoverage(profile, c.terms) + (feature?.test(c.lines.join(" ")) ? ASKED_FEATURE_BONUS : 0),
  );
  const best = clauses[scores.indexOf(Math.max(...scores))] ?? indexed({ number: undefined, lines: [section.text] });
  const main = section.citations[0]!;
  const numbered = clauses.filter((c) => c.number).length > 1;
  const clause = numbered ? best.number : undefined;
  // The section may hold a group of khoản ("1-3"); the reference names the one quoted.
  const citation: Citation = { ...main };
  delete citation.clause;
  if (clause) citation.clause = clause;
  return {
    // The reference names the khoản, so its number does not open the quote.
    text: trimmedClause(best, profile, Math.min(budget, QUOTE_BUDGET)).replace(CLAUSE_START, ""),
    citation,
    articleTitle: ARTICLE_HEADING.exec(section.heading)?.[2]?.trim() || null,
  };
}
