import { describe, expect, it } from "vitest";
import { loadProgrammes, plan, type Answers } from "../../src/eligibility/index.js";

const rules = loadProgrammes("knowledge/programmes");
const AFTER_2025 = new Date("2026-03-01T12:00:00+07:00");
const BEFORE_2025 = new Date("2024-03-01T12:00:00+07:00");
const ids = (answers: Answers, asOf = AFTER_2025) => plan(rules, answers, asOf).remaining.map((q) => q.id);

describe("plan", () => {
  it("starts with what the farmer wants, then who is asking", () => {
    expect(plan(rules, {}, AFTER_2025).next?.id).toBe("interest");
    expect(plan(rules, { interest: "loan" }, AFTER_2025).next?.id).toBe("applicant_type");
  });

  it("asks fewer questions of a farmer who only asks about loans, and none about programmes not shown", () => {
    const individual = { applicant_type: "individual" };
    const loanOnly = ids({ ...individual, interest: "loan" });
    const everything = ids({ ...individual, interest: "everything" });
    expect(loanOnly.length).toBeLessThan(everything.length);
    expect(everything).toContain("compulsory_insurance_group");
    expect(loanOnly).not.toContain("compulsory_insurance_group");
    const supportOnly = ids({ applicant_type: "cooperative", interest: "support" });
    expect(supportOnly).toContain("under_sanction");
    expect(supportOnly).not.toContain("has_bad_debt");
  });

  it("does not ask an individual how many members they have", () => {
    expect(ids({ applicant_type: "individual" })).not.toContain("member_count");
    expect(ids({ applicant_type: "cooperative" })).toContain("member_count");
  });

  it("asks about aquaculture only when the as-of date still uses the pre-2025 ceilings", () => {
    const htx = { applicant_type: "cooperative", member_count: 12, works_in_agriculture: true };
    expect(ids(htx, AFTER_2025)).not.toContain("aquaculture_or_offshore");
    expect(ids(htx, BEFORE_2025)).toContain("aquaculture_or_offshore");
  });

  it("skips the rest of a fund's questions once one answer rules it out", () => {
    const member = { applicant_type: "individual", works_in_agriculture: true };
    expect(ids(member)).toContain("group_plan");
    expect(ids({ ...member, farmers_union_member: false })).not.toContain("group_plan");
  });

  it("never asks again a question answered with Không biết", () => {
    expect(ids({ applicant_type: "individual", works_in_agriculture: "unknown" })).not.toContain(
      "works_in_agriculture",
    );
  });

  it("ends, with progress counting up to the total, when the farmer always says Không biết", () => {
    const answers: Answers = { applicant_type: "cooperative" };
    const seen: string[] = [];
    const first = plan(rules, answers, AFTER_2025).progress;
    for (let step = plan(rules, answers, AFTER_2025); step.next; step = plan(rules, answers, AFTER_2025)) {
      const { current, total } = step.progress;
      // The counter only grows, one a question, against a total that never moves.
      expect(current).toBe(first.current + seen.length);
      expect(total).toBe(first.total);
      expect(current).toBeLessThanOrEqual(total);
      expect(step.next).toBe(step.remaining[0]);
      seen.push(step.next.id);
      answers[step.next.id] = "unknown";
    }
    expect(plan(rules, answers, AFTER_2025).remaining).toEqual([]);
    expect(seen.length).toBeGreaterThan(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain("farmers_union_member");
  });
});
