import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateProgrammes, loadProgrammes, RulesError } from "../../src/eligibility/index.js";

const RULES_DIR = "knowledge/programmes";
const AS_OF = new Date("2026-03-01T12:00:00+07:00");

/** A temp copy of the rules with one file edited, so tests never touch the real data. */
function copyWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "programmes-"));
  cpSync(RULES_DIR, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), "utf8")));
  return dir;
}

function loadError(dir: string): string {
  try {
    loadProgrammes(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(RulesError);
    return (error as Error).message;
  }
  throw new Error("expected the rules to be rejected");
}

describe("loadProgrammes", () => {
  it("loads every programme and the shared questions with a content hash as version", () => {
    const rules = loadProgrammes(RULES_DIR);
    expect(rules.programmes.map((p) => p.id)).toContain("tin-dung-55");
    expect(rules.programmes.length).toBeGreaterThanOrEqual(7);
    expect(rules.questions.slice(0, 2).map((q) => q.id)).toEqual(["interest", "applicant_type"]);
    expect(rules.version).toMatch(/^[0-9a-f]{12}$/);
    expect(loadProgrammes(RULES_DIR).version).toBe(rules.version);
  });

  it("rejects an unknown question, naming the file and the field path", () => {
    const dir = copyWith("tin-dung-55.yaml", (t) => t.replace("{ question: works_in_agriculture,", "{ question: x,"));
    expect(loadError(dir)).toContain(
      `${dir}/tin-dung-55.yaml: conditions[1].when.any[0].question: unknown question "x"`,
    );
  });

  it("checks show_if like any other rule", () => {
    const dir = copyWith("tin-dung-55.yaml", (t) => t.replace("in: [loan, everything]", "in: [loans, everything]"));
    expect(loadError(dir)).toContain('tin-dung-55.yaml: show_if: "loans" is not one of interest');
  });

  it("rejects a misspelt key, a missing field and an option that does not exist", () => {
    const dir = copyWith("quy-ho-tro-phat-trien-htx.yaml", (t) =>
      t.replace("applies_if:", "aplies_if:").replace(/^summary: >-\n( {2}.*\n)+/m, ""),
    );
    const message = loadError(dir);
    expect(message).toMatch(/quy-ho-tro-phat-trien-htx\.yaml: conditions\[1\]: Unrecognized key.*aplies_if/);
    expect(message).toMatch(/quy-ho-tro-phat-trien-htx\.yaml: summary: /);
    const option = copyWith("quy-ho-tro-phat-trien-htx.yaml", (t) =>
      t.replace("in: [cooperative, union]", "in: [cooperative, htx]"),
    );
    expect(loadError(option)).toContain('conditions[0].when.any[0]: "htx" is not one of applicant_type');
  });

  it("rejects an amount it cannot read and a YAML syntax error", () => {
    const dir = copyWith("tin-dung-55.yaml", (t) => t.replace("amount: 5 tỷ", "amount: năm tỷ rưỡi xu"));
    expect(loadError(dir)).toMatch(
      /tin-dung-55\.yaml: benefits\[0\]\.cases\[3\]\.values\[4\]\.amount: not an amount of money/,
    );
    const broken = copyWith("questions.yaml", (t) => t.replace("  - id: adult\n", "  - id: adult\n   oops: [\n"));
    expect(loadError(broken)).toMatch(/questions\.yaml: .*line/);
  });

  it("a changed ceiling in the data changes the result, with no code edit", () => {
    const dir = copyWith("tin-dung-55.yaml", (t) => t.replace("amount: 300 triệu", "amount: 350 triệu"));
    const answers = { applicant_type: "individual", works_in_agriculture: true };
    const ceiling = (rulesDir: string) =>
      evaluateProgrammes(loadProgrammes(rulesDir), answers, AS_OF)
        .find((r) => r.id === "tin-dung-55")!
        .benefits.find((b) => b.id === "unsecured_ceiling")!.amount;
    expect(ceiling(RULES_DIR)).toEqual({ min: 300_000_000, max: 300_000_000 });
    expect(ceiling(dir)).toEqual({ min: 350_000_000, max: 350_000_000 });
    expect(loadProgrammes(dir).version).not.toBe(loadProgrammes(RULES_DIR).version);
  });
});
