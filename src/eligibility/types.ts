/** The engine's public types. Data types (Question, Citation, …) come from schema.ts. */
import type { Citation, ProgrammeData, Question } from "./schema.js";

/** yes_no → boolean, choice → option id, number → value in the question's unit, commune → name. */
export type AnswerValue = boolean | string | number;
/** "unknown" is the farmer's "Không biết"; a missing key means not asked yet. */
export type Answers = Record<string, AnswerValue | "unknown">;

/** Three-valued (Kleene) truth: "unknown" when an answer is missing or "Không biết". */
export type Tri = "yes" | "no" | "unknown";

/** "doubtful": a condition failed, but it rests on an uncertain source (has a note), so not a firm no. */
export type Outcome = "eligible" | "maybe" | "doubtful" | "not_eligible" | "ended";

export interface Programme extends ProgrammeData {
  /** Path of the YAML file, for error messages and officers. */
  file: string;
}

export interface LoadedRules {
  programmes: Programme[];
  /** In questions.yaml order, which is the order questions are asked. */
  questions: Question[];
  questionById: ReadonlyMap<string, Question>;
  /** Hash of all rule files: store it with a result to know which rules produced it. */
  version: string;
}

export interface ConditionTrace {
  id: string;
  outcome: Tri;
  reason: string;
  cite: Citation;
  /** Questions this condition still waits for (unanswered or "Không biết"). */
  unanswered: string[];
  /** Present when the rule rests on an uncertain fact. */
  note?: string;
}

export interface BenefitResult {
  id: string;
  label: string;
  /** Money in đồng; min < max when the amount depends on an answer not given yet. */
  amount?: { min: number; max: number };
  percentOfProject?: { min: number; max: number };
  text?: string;
  /** false when the benefit depends on unanswered or "Không biết" questions. */
  certain: boolean;
  /** The date from which the value used applies (YYYY-MM-DD). */
  validFrom: string;
  cites: Citation[];
  notes: string[];
}

export interface ProgrammeResult {
  id: string;
  name: string;
  summary: string;
  outcome: Outcome;
  legalBasis: Citation[];
  effectiveFrom: string;
  effectiveTo?: string;
  /** Only for eligible, maybe and doubtful. */
  benefits: BenefitResult[];
  /** Every condition that applies, in file order; empty for ended programmes. */
  trace: ConditionTrace[];
  documents: string[];
  whereToApply: string[];
  /** Caveats; non-empty means the card must say "nên hỏi lại". */
  notes: string[];
}
