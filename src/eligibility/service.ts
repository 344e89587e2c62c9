/**
 * The eligibility service the chat calls: the rules loaded at start, and checks that are evaluated
 * and stored together, so a result can be shown again (Vì sao?, Giấy tờ, Nơi nộp) exactly as it was
 * given, with the rule version and date that produced it. Storage is behind `CheckStore`.
 */
import { evaluateProgrammes } from "./evaluate.js";
import type { Answers, LoadedRules, ProgrammeResult } from "./types.js";

export interface CheckInput {
  channel: string;
  chatId: string;
  answers: Answers;
  asOf: Date;
}

export interface StoredCheck extends CheckInput {
  id: number;
  /** Every programme's result as shown to the farmer, eligible first. */
  results: ProgrammeResult[];
  rulesVersion: string;
}

export interface CheckStore {
  insert(check: Omit<StoredCheck, "id">): Promise<StoredCheck>;
  get(id: number): Promise<StoredCheck | undefined>;
}

export interface EligibilityService {
  readonly rules: LoadedRules;
  /** Evaluates every programme for the answers as of `asOf` and stores the outcome. */
  check(input: CheckInput): Promise<StoredCheck>;
  find(id: number): Promise<StoredCheck | undefined>;
}

export function eligibilityService(rules: LoadedRules, store: CheckStore): EligibilityService {
  return {
    rules,
    check: (input) =>
      store.insert({
        ...input,
        results: evaluateProgrammes(rules, input.answers, input.asOf),
        rulesVersion: rules.version,
      }),
    find: (id) => store.get(id),
  };
}

export function memoryCheckStore(): CheckStore & { all(): StoredCheck[] } {
  const items: StoredCheck[] = [];
  return {
    async insert(check) {
      const stored = { ...structuredClone(check), id: items.length + 1 };
      items.push(stored);
      return stored;
    },
    get: async (id) => items.find((c) => c.id === id),
    all: () => [...items],
  };
}
