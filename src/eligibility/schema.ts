/**
 * The shape of the rule files in knowledge/programmes/. Officers edit these files, so every
 * object is strict: a misspelt key ("quesiton") is an error naming the field, not a silent no-op.
 * Cross-file checks (does a question id exist, is a value one of its options) are in load.ts.
 */
import { z } from "zod";
import { parseQuantity } from "../lib/farmer-numbers.js";

const id = z.string().regex(/^[a-z][a-z0-9_-]*$/, "expected an id: lower-case letters, digits, _ or -");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date written YYYY-MM-DD");
const text = z.string().trim().min(1);

export const citationSchema = z.strictObject({
  doc: text,
  /** The Điều as written ("9", "15a"); null when the sources do not say which article. */
  article: text.nullable(),
  clause: text.optional(),
  point: text.optional(),
  title: text.optional(),
  amended_by: text.optional(),
});
export type Citation = z.output<typeof citationSchema>;

/**
 * A test over answers: either one question test or a combination. Written with every key
 * optional (instead of a zod union) so an error points at the exact key, not "invalid union".
 */
export interface Expr {
  question?: string;
  equals?: string | number | boolean;
  in?: string[];
  min?: number;
  max?: number;
  all?: Expr[];
  any?: Expr[];
  not?: Expr;
}

export const exprSchema: z.ZodType<Expr> = z.lazy(() =>
  z
    .strictObject({
      question: id.optional(),
      equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
      in: z.array(z.string()).min(1).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      all: z.array(exprSchema).min(1).optional(),
      any: z.array(exprSchema).min(1).optional(),
      not: exprSchema.optional(),
    })
    .superRefine((e, ctx) => {
      const forms = [e.question !== undefined, e.all, e.any, e.not].filter(Boolean).length;
      if (forms !== 1) ctx.addIssue({ code: "custom", message: "use exactly one of question, all, any, not" });
      const tests = [e.equals !== undefined, e.in, e.min !== undefined || e.max !== undefined].filter(Boolean).length;
      if (e.question !== undefined && tests !== 1) {
        ctx.addIssue({ code: "custom", message: "a question test needs exactly one of equals, in, or min/max" });
      }
    }),
);

const base = {
  id,
  /** The question as asked in the chat. */
  text,
  /** A short noun phrase for traces: "Chưa rõ: loại người vay". */
  label: text,
  help: text.optional(),
  /** Whether the "Không biết" button is offered. */
  allow_unknown: z.boolean().default(true),
};
const option = z.strictObject({
  id: id.refine((v) => v !== "unknown", '"unknown" is reserved for the "Không biết" answer'),
  label: text,
});

export const questionSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...base, type: z.literal("yes_no") }),
  z.strictObject({ ...base, type: z.literal("choice"), options: z.array(option).min(2) }),
  z.strictObject({
    ...base,
    type: z.literal("number"),
    /** Answers are stored in this unit; money is always in đồng. */
    unit: z.enum(["người", "ha", "đồng"]),
    /** Plausible range; typed answers outside it are sent back to the farmer. */
    min: z.number(),
    max: z.number(),
  }),
  /** A commune name; rules test its kind (xa, phuong, dac_khu, thi_tran), see answers.ts. */
  z.strictObject({ ...base, type: z.literal("commune") }),
]);
export type Question = z.output<typeof questionSchema>;

export const questionsFileSchema = z.strictObject({ questions: z.array(questionSchema).min(1) });

/** A list entry shown only when its `when` holds, e.g. papers only an HTX brings. */
const listItem = z.union([text, z.strictObject({ text, when: exprSchema })]);

const benefitValue = z
  .strictObject({
    /** First day this value applies; omitted = from the programme's effective_from. */
    from: isoDate.optional(),
    /** Picks one row among rows of the same date; rows without `when` are the fallback. */
    when: exprSchema.optional(),
    /** Money in đồng: a number or farmer wording such as "300 triệu" or "1,5 tỷ". */
    amount: z.union([z.number().positive(), text]).optional(),
    percent_of_project: z.number().positive().max(100).optional(),
    text: text.optional(),
    cite: citationSchema,
    /** Set when the value is not certain ([CHƯA CHẮC]): the result then says "nên hỏi lại". */
    note: text.optional(),
  })
  .superRefine((v, ctx) => {
    const kinds = [v.amount !== undefined, v.percent_of_project !== undefined, v.text !== undefined];
    if (kinds.filter(Boolean).length !== 1) {
      ctx.addIssue({ code: "custom", message: "give exactly one of amount, percent_of_project, text" });
    }
    if (typeof v.amount === "string" && !parseQuantity(v.amount, "money").ok) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: `not an amount of money: "${v.amount}"` });
    }
  })
  .transform(({ amount, ...rest }) => ({
    ...rest,
    amount: typeof amount === "string" ? (parseQuantity(amount, "money") as { value: number }).value : amount,
  }));
export type BenefitValue = z.output<typeof benefitValue>;

const benefitSchema = z.strictObject({
  id,
  label: text,
  /** Tried in order: the first case whose `when` holds gives the value (no `when` = always). */
  cases: z.array(z.strictObject({ when: exprSchema.optional(), values: z.array(benefitValue).min(1) })).min(1),
});
export type Benefit = z.output<typeof benefitSchema>;

const conditionSchema = z.strictObject({
  id,
  when: exprSchema,
  /** The condition is skipped when this is false (e.g. "đủ 18 tuổi" only for persons). */
  applies_if: exprSchema.optional(),
  cite: citationSchema,
  /** Plain-language reasons shown in "Vì sao?". */
  pass: text,
  fail: text,
  unknown: text.optional(),
  /** Set for rules resting on uncertain facts: failing them gives "doubtful", never a flat no. */
  note: text.optional(),
});
export type Condition = z.output<typeof conditionSchema>;

export const programmeSchema = z
  .strictObject({
    id,
    name: text,
    summary: text,
    legal_basis: z.array(citationSchema).min(1),
    effective_from: isoDate,
    /** Last day the programme applies; after it the result is "ended". */
    effective_to: isoDate.optional(),
    status: z.enum(["in_force", "amended", "ended"]),
    /**
     * When to show the programme at all (e.g. only to farmers asking about loans). A programme whose
     * show_if is "no" is left out of the results and its questions are not asked; "unknown" shows it.
     */
    show_if: exprSchema.optional(),
    conditions: z.array(conditionSchema).min(1),
    benefits: z.array(benefitSchema).default([]),
    documents: z.array(listItem).default([]),
    where_to_apply: z.array(listItem).min(1),
    note: text.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.status === "ended" && !p.effective_to) {
      ctx.addIssue({ code: "custom", path: ["effective_to"], message: "an ended programme needs effective_to" });
    }
    if (p.effective_to && p.effective_to < p.effective_from) {
      ctx.addIssue({ code: "custom", path: ["effective_to"], message: "is before effective_from" });
    }
    const seen = new Set<string>();
    for (const [i, c] of p.conditions.entries()) {
      if (seen.has(c.id))
        ctx.addIssue({ code: "custom", path: ["conditions", i, "id"], message: `duplicate id "${c.id}"` });
      seen.add(c.id);
    }
  });
export type ProgrammeData = z.output<typeof programmeSchema>;
export type ListItem = z.output<typeof listItem>;
