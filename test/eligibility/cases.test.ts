/**
 * Runs the OpenFisca-style cases in test/eligibility/cases/*.yaml against the real rule files:
 * answers + as-of date → expected outcome, condition outcomes, benefit amounts and citations.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  evaluateProgrammes,
  loadProgrammes,
  type Answers,
  type Citation,
  type Outcome,
  type Tri,
} from "../../src/eligibility/index.js";
import { parseQuantity } from "../../src/lib/farmer-numbers.js";

interface BenefitExpectation {
  /** "300 triệu", or {min, max} for a range; "absent" when the benefit must not be shown. */
  amount?: string | { min: string; max: string };
  percent?: number;
  absent?: true;
  certain?: boolean;
  /** A document number that must appear in the citations (doc or amended_by). */
  cited_by?: string;
  /** A document number that must not appear in the citations. */
  not_cited_by?: string;
  /** Text that must appear in one of the benefit's notes, and so in the result's ("nên hỏi lại"). */
  note?: string;
  /** Words the benefit's text must contain, or must not contain. */
  text_has?: string;
  text_lacks?: string;
}
interface Case {
  name: string;
  as_of: string;
  answers: Answers;
  /** `absent: true` when the programme must not be shown at all (its show_if is false). */
  expect: Record<
    string,
    {
      outcome?: Outcome;
      absent?: true;
      conditions?: Record<string, Tri>;
      benefits?: Record<string, BenefitExpectation>;
    }
  >;
}

const CASES_DIR = new URL("./cases/", import.meta.url).pathname;
const rules = loadProgrammes("knowledge/programmes");
const cites = (c: Citation, doc: string) => c.doc === doc || c.amended_by === doc;
const money = (text: string) => (parseQuantity(text, "money") as { value: number }).value;

for (const file of readdirSync(CASES_DIR).filter((f) => f.endsWith(".yaml"))) {
  describe(`cases/${file}`, () => {
    for (const c of parse(readFileSync(join(CASES_DIR, file), "utf8")) as Case[]) {
      it(c.name, () => {
        const results = evaluateProgrammes(rules, c.answers, new Date(`${c.as_of}T12:00:00+07:00`));
        for (const [id, expected] of Object.entries(c.expect)) {
          const result = results.find((r) => r.id === id);
          if (expected.absent) {
            expect(result, `programme ${id} should not be shown`).toBeUndefined();
            continue;
          }
          expect(result, `programme ${id}`).toBeDefined();
          expect(result!.outcome, `${id} outcome`).toBe(expected.outcome);
          for (const [condition, outcome] of Object.entries(expected.conditions ?? {})) {
            expect(result!.trace.find((t) => t.id === condition)?.outcome, `${id}.${condition}`).toBe(outcome);
          }
          for (const [benefitId, b] of Object.entries(expected.benefits ?? {})) {
            const actual = result!.benefits.find((x) => x.id === benefitId);
            if (b.absent) {
              expect(actual, `${id}.${benefitId} should be absent`).toBeUndefined();
              continue;
            }
            expect(actual, `${id}.${benefitId}`).toBeDefined();
            if (b.amount !== undefined) {
              const [min, max] = typeof b.amount === "string" ? [b.amount, b.amount] : [b.amount.min, b.amount.max];
              expect(actual!.amount, `${id}.${benefitId} amount`).toEqual({ min: money(min), max: money(max) });
            }
            if (b.percent !== undefined) expect(actual!.percentOfProject).toEqual({ min: b.percent, max: b.percent });
            if (b.certain !== undefined) expect(actual!.certain, `${id}.${benefitId} certain`).toBe(b.certain);
            if (b.cited_by) {
              expect(
                actual!.cites.some((x) => cites(x, b.cited_by!)),
                `${id}.${benefitId} cite`,
              ).toBe(true);
            }
            if (b.not_cited_by) {
              expect(
                actual!.cites.some((x) => cites(x, b.not_cited_by!)),
                `${id}.${benefitId} not cited by`,
              ).toBe(false);
            }
            if (b.text_has !== undefined) expect(actual!.text, `${id}.${benefitId} text`).toContain(b.text_has);
            if (b.text_lacks !== undefined) expect(actual!.text, `${id}.${benefitId} text`).not.toContain(b.text_lacks);
            if (b.note !== undefined) {
              const noted = (notes: string[]) => notes.some((n) => n.includes(b.note!));
              expect(noted(actual!.notes), `${id}.${benefitId} note`).toBe(true);
              expect(noted(result!.notes), `${id} notes`).toBe(true);
            }
          }
        }
      });
    }
  });
}
