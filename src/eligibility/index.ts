/** Public API of the eligibility checker; see README.md in this folder. */
export { loadProgrammes, RulesError } from "./load.js";
export { evaluateProgrammes } from "./evaluate.js";
export { plan, type Plan, type Progress } from "./next-question.js";
export { answerButtons, communeKind, readAnswer, type AnswerButton, type AnswerReading } from "./answers.js";
export { formatBenefit, formatCitation, formatDocument, formatProgress, formatShortCard, formatWhy } from "./format.js";
export {
  eligibilityService,
  memoryCheckStore,
  type CheckInput,
  type CheckStore,
  type EligibilityService,
  type StoredCheck,
} from "./service.js";
export type { Citation, Question } from "./schema.js";
export type * from "./types.js";
