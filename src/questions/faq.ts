import type { AuditLog } from "../audit/audit-log.js";
import type { FaqProvider } from "../knowledge/index.js";
import type { Prisma, PrismaClient } from "../db/index.js";
import { containsPhrase, foldVietnamese } from "../lib/vietnamese.js";

/**
 * Officers' answers kept for every farmer (FAQ entries), stored in the database so every instance
 * serves the same ones. An entry starts from an answered question but the officer rewrites both
 * question and answer, and saving refuses phone numbers and the asker's name; only entries an
 * officer published explicitly reach farmers (`publishedFaqs`, the knowledge service's provider).
 * The farmer's /xoa deletes entries made from their questions (`deleteFaqsOfQuestions`).
 */
export const FAQ_QUESTION_MAX_LENGTH = 300;
export const FAQ_ANSWER_MAX_LENGTH = 2000;

export type FaqEntry = Prisma.FaqEntryModel;
/** What the knowledge service gets: published entries only, with when they were published. */
export type PublishedFaq = { id: number; question: string; answer: string; publishedAt: Date };
export type FaqResult = { ok: true; entry: FaqEntry } | { ok: false; problem: string };
type Deps = { prisma: PrismaClient; audit: AuditLog };

/**
 * A Vietnamese phone number written any common way: 0912345678, 0912 345 678, 091.234.5678,
 * +84 912 345 678, landlines with an area code. Not amounts ("1.000.000.000"): a number glued to a
 * digit, dot or comma before it does not count.
 */
const PHONE = /(?<![\d.,])(?:\+?84|0)(?:[\s.\-()]{0,2}\d){8,10}(?!\d)/u;

/** The names a farmer gave in their registrations: the whole name and, for longer names, the last two words. */
function namesToAvoid(fullNames: string[]): string[] {
  const names = new Set<string>();
  for (const fullName of fullNames) {
    const words = foldVietnamese(fullName).split(" ").filter(Boolean);
    if (words.length >= 2) names.add(words.join(" "));
    if (words.length >= 3) names.add(words.slice(-2).join(" "));
  }
  return [...names];
}

/** A locale key saying what is wrong with the entry, or undefined when it may be saved. */
export function faqProblem(entry: { question: string; answer: string }, askerNames: string[]): string | undefined {
  const { question, answer } = entry;
  if (question.length === 0 || answer.length === 0) return "admin-error-faq-empty";
  if (question.length > FAQ_QUESTION_MAX_LENGTH || answer.length > FAQ_ANSWER_MAX_LENGTH)
    return "admin-error-faq-too-long";
  if (PHONE.test(question) || PHONE.test(answer)) return "admin-error-faq-phone";
  if (namesToAvoid(askerNames).some((name) => containsPhrase(question, name) || containsPhrase(answer, name)))
    return "admin-error-faq-name";
  return undefined;
}

/** Names of the farmer who asked the question, from the leads registered in the same chat. */
async function askerNames(prisma: PrismaClient, questionId: number | null): Promise<string[]> {
  if (questionId === null) return [];
  const question = await prisma.officerQuestion.findUnique({
    where: { id: questionId },
    select: { channel: true, chatId: true },
  });
  if (!question || question.chatId === "") return [];
  const leads = await prisma.lead.findMany({
    where: { channel: question.channel, chatId: question.chatId, fullName: { not: null } },
    select: { fullName: true },
  });
  return leads.map((l) => l.fullName!);
}

const clean = (text: string) => text.replace(/\r\n?/g, "\n").trim();

/**
 * Creates (no `id`) or rewrites an entry. A rewrite of a published entry stays published: the
 * officer sees the same check, and farmers get the corrected text at the next refresh.
 */
export async function saveFaq(
  deps: Deps,
  input: { id?: number; questionId?: number; question: string; answer: string; editorId: number; now: Date },
): Promise<FaqResult> {
  const { prisma } = deps;
  const text = { question: clean(input.question), answer: clean(input.answer) };
  const existing = input.id === undefined ? undefined : await prisma.faqEntry.findUnique({ where: { id: input.id } });
  if (input.id !== undefined && !existing) return { ok: false, problem: "admin-error-not-found" };
  const questionId = existing ? existing.questionId : (input.questionId ?? null);
  const problem = faqProblem(text, await askerNames(prisma, questionId));
  if (problem) return { ok: false, problem };
  const entry = existing
    ? await prisma.faqEntry.update({
        where: { id: existing.id },
        data: { ...text, editedById: input.editorId, updatedAt: input.now },
      })
    : await prisma.faqEntry.create({
        data: { ...text, questionId, editedById: input.editorId, createdAt: input.now, updatedAt: input.now },
      });
  await deps.audit.record({
    action: "faq.save",
    actorId: input.editorId,
    target: faqReference(entry.id),
    at: input.now,
  });
  return { ok: true, entry };
}

export async function setFaqPublished(
  deps: Deps,
  input: { id: number; published: boolean; editorId: number; now: Date },
): Promise<FaqResult> {
  const { count } = await deps.prisma.faqEntry.updateMany({
    where: { id: input.id },
    data: { published: input.published, publishedAt: input.published ? input.now : null, editedById: input.editorId },
  });
  if (count === 0) return { ok: false, problem: "admin-error-not-found" };
  await deps.audit.record({
    action: input.published ? "faq.publish" : "faq.unpublish",
    actorId: input.editorId,
    target: faqReference(input.id),
    at: input.now,
  });
  return { ok: true, entry: await deps.prisma.faqEntry.findUniqueOrThrow({ where: { id: input.id } }) };
}

export async function deleteFaq(deps: Deps, input: { id: number; editorId: number; now: Date }): Promise<boolean> {
  const { count } = await deps.prisma.faqEntry.deleteMany({ where: { id: input.id } });
  if (count > 0)
    await deps.audit.record({
      action: "faq.delete",
      actorId: input.editorId,
      target: faqReference(input.id),
      at: input.now,
    });
  return count > 0;
}

export const faqReference = (id: number) => `HD-${id.toString().padStart(4, "0")}`;

export async function listFaqs(prisma: PrismaClient): Promise<FaqEntry[]> {
  return prisma.faqEntry.findMany({ orderBy: [{ published: "asc" }, { updatedAt: "desc" }, { id: "desc" }] });
}

/** The provider the knowledge service reads FAQ sections from: published entries only. */
export async function publishedFaqs(prisma: PrismaClient): Promise<PublishedFaq[]> {
  const rows = await prisma.faqEntry.findMany({ where: { published: true }, orderBy: { id: "asc" } });
  return rows.map((r) => ({
    id: r.id,
    question: r.question,
    answer: r.answer,
    publishedAt: r.publishedAt ?? r.updatedAt,
  }));
}

/** What the knowledge service reads its FAQ sections from (published entries, with their reference). */
export function faqProvider(prisma: PrismaClient): FaqProvider {
  return {
    load: async () => (await publishedFaqs(prisma)).map((entry) => ({ ...entry, reference: faqReference(entry.id) })),
  };
}

/** /xoa and retention: entries made from these questions go with them. */
export async function deleteFaqsOfQuestions(tx: Prisma.TransactionClient, questionIds: number[]): Promise<number> {
  if (questionIds.length === 0) return 0;
  const { count } = await tx.faqEntry.deleteMany({ where: { questionId: { in: questionIds } } });
  return count;
}
