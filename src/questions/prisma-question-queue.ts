import type { Prisma, PrismaClient } from "../db/index.js";
import type { Translate } from "../i18n/translate.js";
import type { Outbox } from "../outbound/outbox.js";
import { officerNotifier } from "../staff/officer-notifier.js";
import {
  answerOfficerQuestion,
  findOfficerQuestion,
  listOfficerQuestions,
  type OfficerQuestionView,
} from "./officer-desk.js";
import {
  ANSWER_BUTTON_PREFIX,
  questionIdOf,
  questionReference,
  type QuestionInput,
  type QueuedQuestion,
  type QuestionQueue,
} from "./question-queue.js";

const asQueued = (q: OfficerQuestionView): QueuedQuestion => ({
  id: q.id,
  reference: q.reference,
  channel: q.channel,
  chatId: q.chatId,
  text: q.text,
  origin: q.origin,
  at: q.createdAt,
  status: q.status,
});

const LEAD_LINK = { id: true, reference: true } as const;
type LinkedLead = { id: number; reference: string };

/** The chat's lead a reply is about: the one an officer wrote about, or the lead of the answered question. */
async function repliedLead(
  tx: Prisma.TransactionClient,
  replyTo: string,
  chat: { channel: string; chatId: string },
): Promise<LinkedLead | null> {
  const questionId = questionIdOf(replyTo);
  if (questionId === undefined)
    return tx.lead.findFirst({ where: { reference: replyTo, ...chat, erasedAt: null }, select: LEAD_LINK });
  const answered = await tx.officerQuestion.findFirst({
    where: { id: questionId, ...chat, lead: { erasedAt: null } },
    select: { lead: { select: LEAD_LINK } },
  });
  return answered?.lead ?? null;
}

/**
 * Stores a new question linked to the farmer's lead: the one a reply is about, else their newest
 * registration from this chat. The question goes into that lead's history in the same transaction;
 * a reply is labelled so, and its lead named to the officers.
 */
async function storeQuestion(
  tx: Prisma.TransactionClient,
  question: QuestionInput,
): Promise<{ row: Prisma.OfficerQuestionModel; lead?: string }> {
  const { replyTo, submission, at, ...asked } = question;
  const chat = { channel: asked.channel, chatId: asked.chatId };
  const replied = replyTo ? await repliedLead(tx, replyTo, chat) : null;
  const lead =
    replied ??
    (await tx.lead.findFirst({
      where: { ...chat, erasedAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: LEAD_LINK,
    }));
  const row = await tx.officerQuestion.create({
    data: { ...asked, createdAt: at, origin: replied ? "lead_reply" : asked.origin, submission, leadId: lead?.id },
  });
  if (lead)
    await tx.leadEvent.create({
      data: { leadId: lead.id, kind: replied ? "farmer_reply" : "farmer_question", note: asked.text, at },
    });
  return { row, lead: replied?.reference };
}

export function prismaQuestionQueue(
  prisma: PrismaClient,
  deps: { outbox: Outbox; translate: Translate },
): QuestionQueue {
  const officers = officerNotifier(prisma, deps.outbox);
  const t = deps.translate;
  return {
    async submit(question) {
      const { submission } = question;
      // A replayed press (after a crash) finds what its first run stored; the notice goes again, since
      // the crash may have come before it: officers may read it twice, never miss it.
      const earlier = submission
        ? await prisma.officerQuestion.findUnique({ where: { submission }, include: { lead: { select: LEAD_LINK } } })
        : null;
      const { row, lead } =
        earlier === null
          ? await prisma.$transaction((tx) => storeQuestion(tx, question))
          : { row: earlier, lead: earlier.origin === "lead_reply" ? earlier.lead?.reference : undefined };
      const queued = asQueued({ ...row, reference: questionReference(row.id), answeredByName: null, delivery: null });
      await officers.notify({
        text: lead
          ? t("oc-farmer-reply-new", { reference: queued.reference, lead, question: queued.text })
          : t("oc-question-new", { reference: queued.reference, question: queued.text }),
        buttons: [[{ text: t("oc-button-answer"), data: `${ANSWER_BUTTON_PREFIX}${queued.id}` }]],
      });
      return queued;
    },
    async open(limit) {
      const { questions, total } = await listOfficerQuestions(prisma, { status: "open", page: 1, pageSize: limit });
      return { questions: questions.map(asQueued), total };
    },
    async find(id) {
      const question = await findOfficerQuestion(prisma, id);
      return question && asQueued(question);
    },
    async answer({ id, answer, officerId, at }) {
      const outcome = await answerOfficerQuestion(
        { prisma, translate: t },
        { id, answer, officerId, now: at, via: "chat" },
      );
      return outcome.ok ? { ok: true, question: asQueued(outcome.question) } : outcome;
    },
  };
}
