import { prismaAuditLog, type AuditLog } from "../audit/audit-log.js";
import type { Prisma, PrismaClient } from "../db/index.js";
import type { Translate } from "../i18n/translate.js";
import { farmerReplyChoice, OFFICER_MESSAGE_EVENT } from "../leads/officer-messages.js";
import { recordOfficerWord } from "../leads/lead-workflow.js";
import type { Outbox, OutboundMessage } from "../outbound/outbox.js";
import { prismaOutbox } from "../outbound/prisma-outbox.js";
import { questionReference } from "./question-queue.js";

/**
 * The officers' side of the question queue: list, read, answer. An answer is stored on the question
 * and sent to the farmer's chat through the database outbox, so it arrives even if that channel is
 * down now.
 */
export const ANSWER_MAX_LENGTH = 2000;
const QUOTE_MAX_LENGTH = 200;

export type QuestionStatusFilter = "open" | "answered" | "closed" | "all";
/** Who asked, from their registration in the same chat (the newest one); none when they never registered. */
export type QuestionAsker = { fullName: string; communeName: string; references: string[] };
/** How the answer's delivery to the farmer stands; `reason` says why a channel refused it. */
export type AnswerDelivery = {
  status: "pending" | "sending" | "sent" | "failed" | "undeliverable";
  reason: string | null;
};
/** The question and answer a farmer's reply answers («Trả lời cán bộ» under that answer). */
export type EarlierExchange = { reference: string; text: string; answer: string | null; answeredByName: string | null };
/** What an officer last wrote about the lead before the farmer's reply to it: the words it answers. */
export type EarlierOfficerWord = { lead: string; text: string; byName: string | null };
export type OfficerQuestionView = Prisma.OfficerQuestionModel & {
  reference: string;
  answeredByName: string | null;
  delivery: AnswerDelivery | null;
  asker?: QuestionAsker;
  repliesTo?: EarlierExchange | null;
  repliesToWord?: EarlierOfficerWord;
};

type Answerer = { answeredBy: { displayName: string } | null };
type QuestionRow = Prisma.OfficerQuestionModel &
  Answerer & {
    deliveries?: Array<{ status: AnswerDelivery["status"]; lastError: string | null }>;
    repliesTo?: (Pick<Prisma.OfficerQuestionModel, "id" | "text" | "answer"> & Answerer) | null;
  };

const withReference = (row: QuestionRow): OfficerQuestionView => {
  const { answeredBy, deliveries, repliesTo, ...question } = row;
  const last = deliveries?.[0];
  return {
    ...question,
    reference: questionReference(row.id),
    answeredByName: answeredBy?.displayName ?? null,
    delivery: last ? { status: last.status, reason: last.status === "undeliverable" ? last.lastError : null } : null,
    repliesTo: repliesTo && {
      reference: questionReference(repliesTo.id),
      text: repliesTo.text,
      answer: repliesTo.answer,
      answeredByName: repliesTo.answeredBy?.displayName ?? null,
    },
  };
};

const answerer = { answeredBy: { select: { displayName: true } } } as const;
const withAnswerDelivery = {
  ...answerer,
  deliveries: { orderBy: { id: "desc" }, take: 1, select: { status: true, lastError: true } },
  repliesTo: { select: { id: true, text: true, answer: true, ...answerer } },
} satisfies Prisma.OfficerQuestionInclude;

export async function listOfficerQuestions(
  prisma: PrismaClient,
  query: { status: QuestionStatusFilter; page: number; pageSize: number },
): Promise<{ questions: OfficerQuestionView[]; total: number }> {
  const where = query.status === "all" ? {} : { status: query.status };
  const [rows, total] = await Promise.all([
    prisma.officerQuestion.findMany({
      where,
      // Open questions oldest first (who waited longest); answered ones newest first.
      orderBy: query.status === "open" ? { createdAt: "asc" } : { createdAt: "desc" },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: withAnswerDelivery,
    }),
    prisma.officerQuestion.count({ where }),
  ]);
  const [askers, words] = await Promise.all([askersOf(prisma, rows), wordsRepliedTo(prisma, rows)]);
  return { questions: rows.map((row) => withContext(row, askers, words)), total };
}

const withContext = (
  row: QuestionRow,
  askers: Map<string, QuestionAsker>,
  words: Map<number, EarlierOfficerWord>,
): OfficerQuestionView => ({
  ...withReference(row),
  asker: askers.get(chatKey(row)),
  repliesToWord: words.get(row.id),
});

/**
 * For a farmer's reply about their lead that names no earlier question: the officer's last word about
 * that lead before it (a message or an answer, both in the lead's history), so the reply is not read bare.
 */
async function wordsRepliedTo(
  prisma: PrismaClient,
  questions: ReadonlyArray<QuestionRow>,
): Promise<Map<number, EarlierOfficerWord>> {
  const replies = questions.filter((q) => q.origin === "lead_reply" && q.leadId !== null && !q.repliesToId);
  if (replies.length === 0) return new Map();
  // One query for the page: the officers' words about these leads up to the latest reply, newest first.
  const events = await prisma.leadEvent.findMany({
    where: {
      leadId: { in: [...new Set(replies.map((q) => q.leadId!))] },
      kind: OFFICER_MESSAGE_EVENT,
      at: { lte: new Date(Math.max(...replies.map((q) => q.createdAt.getTime()))) },
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: {
      leadId: true,
      at: true,
      note: true,
      actor: { select: { displayName: true } },
      lead: { select: { reference: true } },
    },
  });
  const words = new Map<number, EarlierOfficerWord>();
  for (const q of replies) {
    const event = events.find((e) => e.leadId === q.leadId && e.at <= q.createdAt);
    if (event?.note)
      words.set(q.id, { lead: event.lead.reference, text: event.note, byName: event.actor?.displayName ?? null });
  }
  return words;
}

const chatKey = (chat: { channel: string; chatId: string | null }) => `${chat.channel}:${chat.chatId}`;

/** The askers' registrations, one query for the page; erased leads say nothing about anyone. */
async function askersOf(
  prisma: PrismaClient,
  questions: ReadonlyArray<{ channel: string; chatId: string }>,
): Promise<Map<string, QuestionAsker>> {
  if (questions.length === 0) return new Map();
  const leads = await prisma.lead.findMany({
    where: {
      erasedAt: null,
      fullName: { not: null },
      OR: questions.map((q) => ({ channel: q.channel, chatId: q.chatId })),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { channel: true, chatId: true, fullName: true, communeName: true, reference: true },
  });
  const askers = new Map<string, QuestionAsker>();
  for (const lead of leads) {
    const known = askers.get(chatKey(lead));
    if (known) known.references.push(lead.reference);
    else
      askers.set(chatKey(lead), {
        fullName: lead.fullName!,
        communeName: lead.communeName,
        references: [lead.reference],
      });
  }
  return askers;
}

export async function findOfficerQuestion(prisma: PrismaClient, id: number): Promise<OfficerQuestionView | undefined> {
  const row = await prisma.officerQuestion.findUnique({ where: { id }, include: withAnswerDelivery });
  if (!row) return undefined;
  const [askers, words] = await Promise.all([askersOf(prisma, [row]), wordsRepliedTo(prisma, [row])]);
  return withContext(row, askers, words);
}

/** A farmer's or officer's words quoted in a notice, shortened to fit a phone screen. */
export const quote = (text: string) =>
  text.length > QUOTE_MAX_LENGTH ? `${text.slice(0, QUOTE_MAX_LENGTH - 1)}…` : text;

/**
 * The answer as the farmer gets it, with «Trả lời cán bộ» so the conversation can go on: about their
 * lead when the question has one, else about this question. An answer to the farmer's reply to an
 * officer's message or answer says so.
 */
function answerMessage(
  question: OfficerQuestionView,
  answer: string,
  lead: string | undefined,
  t: Translate,
): OutboundMessage {
  const args = { reference: question.reference, question: quote(question.text), answer };
  const buttons = [[farmerReplyChoice(lead ?? question.reference, t)]];
  if (question.origin === "lead_reply" && lead)
    return { text: t("admin-reply-to-farmer-reply", { ...args, lead }), buttons };
  if (question.origin === "answer_reply") return { text: t("admin-reply-to-farmer-answer-reply", args), buttons };
  return { text: t("admin-reply-to-farmer", args), buttons };
}

/**
 * Answers an open question once: when two officers reply at the same time, the second gets
 * `admin-error-question-answered` and nothing is sent twice. The answer, its outbox job, the line in
 * the lead's history (for a question about a lead, which the officer takes up as by a message) and
 * the audit entry commit together or not at all.
 */
export async function answerOfficerQuestion(
  deps: { prisma: PrismaClient; translate: Translate },
  input: { id: number; answer: string; officerId: number; now: Date; via?: "chat" },
): Promise<{ ok: true; question: OfficerQuestionView } | { ok: false; problem: string }> {
  const answer = input.answer.trim();
  if (answer.length === 0) return { ok: false, problem: "admin-error-answer-empty" };
  if (answer.length > ANSWER_MAX_LENGTH) return { ok: false, problem: "admin-error-answer-too-long" };
  const { id, officerId, now } = input;
  return deps.prisma.$transaction(async (tx) => {
    const claimed = await tx.officerQuestion.updateMany({
      where: { id, status: "open" },
      data: { status: "answered", answer, answeredAt: now, answeredById: officerId },
    });
    if (claimed.count === 0) {
      const exists = await tx.officerQuestion.count({ where: { id } });
      return { ok: false, problem: exists ? "admin-error-question-answered" : "admin-error-not-found" };
    }
    const { lead: about, ...row } = await tx.officerQuestion.findUniqueOrThrow({
      where: { id },
      include: { ...withAnswerDelivery, lead: { select: { id: true, reference: true, erasedAt: true } } },
    });
    const question = withReference(row);
    const lead = about && !about.erasedAt ? about : undefined;
    await prismaOutbox(tx).enqueue(
      { channel: question.channel, chatId: question.chatId },
      answerMessage(question, answer, lead?.reference, deps.translate),
      { origin: { questionId: id, senderId: officerId } },
    );
    if (lead) await recordOfficerWord(tx, lead, { actorId: officerId, text: answer, at: now });
    await prismaAuditLog(tx).record({
      action: "question.answer",
      actorId: officerId,
      target: question.reference,
      details: input.via ? { via: input.via } : undefined,
      at: now,
    });
    return { ok: true, question };
  });
}

/**
 * Closes an open question without an answer (spam, a test, a question asked twice): nothing is sent
 * to the chat, and the closing is audited like an answer.
 */
export async function closeOfficerQuestion(
  deps: { prisma: PrismaClient; audit: AuditLog },
  input: { id: number; officerId: number; now: Date; via?: "chat" },
): Promise<{ ok: true } | { ok: false; problem: string }> {
  const closed = await deps.prisma.officerQuestion.updateMany({
    where: { id: input.id, status: "open" },
    data: { status: "closed", answeredAt: input.now, answeredById: input.officerId },
  });
  if (closed.count === 0) {
    const exists = await deps.prisma.officerQuestion.count({ where: { id: input.id } });
    return { ok: false, problem: exists ? "admin-error-question-answered" : "admin-error-not-found" };
  }
  await deps.audit.record({
    action: "question.close",
    actorId: input.officerId,
    target: questionReference(input.id),
    details: input.via ? { via: input.via } : undefined,
    at: input.now,
  });
  return { ok: true };
}

/**
 * Tells the officer whose answer a channel refused (a Zalo OA outside its reply window), in their
 * linked chat; the dashboard shows it on the question as well. The notice has no origin, so a notice
 * that is itself refused ends there.
 */
export async function tellOfficerAnswerUndeliverable(
  deps: { prisma: PrismaClient; outbox: Outbox; translate: Translate },
  job: { questionId: number | null; senderId: number | null; reason: string },
): Promise<void> {
  if (job.questionId === null || job.senderId === null) return;
  const officer = await deps.prisma.staffUser.findUnique({ where: { id: job.senderId } });
  if (!officer?.active || !officer.chatChannel || !officer.chatId) return;
  const text = deps.translate("admin-answer-undeliverable-notice", {
    reference: questionReference(job.questionId),
    reason: deps.translate(`outbound-undeliverable-${job.reason}`),
  });
  await deps.outbox.enqueue({ channel: officer.chatChannel, chatId: officer.chatId }, { text });
}
