import type { Prisma, PrismaClient } from "../db/index.js";
import type { Translate } from "../i18n/translate.js";
import { OFFICER_MESSAGE_EVENT } from "../leads/officer-messages.js";
import type { Outbox } from "../outbound/outbox.js";
import { officerNotifier } from "../staff/officer-notifier.js";
import {
  answerOfficerQuestion,
  findOfficerQuestion,
  listOfficerQuestions,
  quote,
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
const EARLIER_EXCHANGE = { id: true, text: true, answer: true } as const;
type EarlierExchange = { id: number; text: string; answer: string | null };
/** What a reply answers in the farmer's chat: a live lead, the question whose answer it replies to, or both. */
type Replied = { lead: LinkedLead | null; question: EarlierExchange | null };

async function repliedTo(
  tx: Prisma.TransactionClient,
  replyTo: string,
  chat: { channel: string; chatId: string },
): Promise<Replied> {
  const questionId = questionIdOf(replyTo);
  if (questionId === undefined)
    return {
      lead: await tx.lead.findFirst({ where: { reference: replyTo, ...chat, erasedAt: null }, select: LEAD_LINK }),
      question: null,
    };
  const answered = await tx.officerQuestion.findFirst({
    where: { id: questionId, ...chat },
    select: { ...EARLIER_EXCHANGE, lead: { select: { ...LEAD_LINK, erasedAt: true } } },
  });
  if (!answered) return { lead: null, question: null };
  const { lead, ...question } = answered;
  return { lead: lead && !lead.erasedAt ? { id: lead.id, reference: lead.reference } : null, question };
}

/**
 * Stores a new question linked to the farmer's lead: the one a reply is about, else their newest
 * registration from this chat. The question goes into that lead's history in the same transaction;
 * a reply is labelled so, linked to the question it answers, and its lead named to the officers.
 */
async function storeQuestion(
  tx: Prisma.TransactionClient,
  question: QuestionInput,
): Promise<{ row: Prisma.OfficerQuestionModel; lead?: string; earlier: EarlierExchange | null }> {
  const { replyTo, submission, at, ...asked } = question;
  const chat = { channel: asked.channel, chatId: asked.chatId };
  const replied: Replied = replyTo ? await repliedTo(tx, replyTo, chat) : { lead: null, question: null };
  const lead =
    replied.lead ??
    (await tx.lead.findFirst({
      where: { ...chat, erasedAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: LEAD_LINK,
    }));
  const origin = replied.lead ? "lead_reply" : replied.question ? "answer_reply" : asked.origin;
  const row = await tx.officerQuestion.create({
    data: { ...asked, createdAt: at, origin, submission, leadId: lead?.id, repliesToId: replied.question?.id },
  });
  if (lead)
    await tx.leadEvent.create({
      data: { leadId: lead.id, kind: replied.lead ? "farmer_reply" : "farmer_question", note: asked.text, at },
    });
  return { row, lead: replied.lead?.reference, earlier: replied.question };
}

/** The officers' notice of a new question; a reply names its lead, or shows the exchange it answers. */
function questionNotice(
  queued: QueuedQuestion,
  lead: string | undefined,
  earlier: EarlierExchange | null,
  t: Translate,
) {
  const args = { reference: queued.reference, question: queued.text };
  if (lead) return t("oc-farmer-reply-new", { ...args, lead });
  if (earlier)
    return t("oc-answer-reply-new", {
      ...args,
      earlier: questionReference(earlier.id),
      earlierQuestion: quote(earlier.text),
      earlierAnswer: quote(earlier.answer ?? ""),
    });
  return t("oc-question-new", args);
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
      const stored = submission
        ? await prisma.officerQuestion.findUnique({
            where: { submission },
            include: { lead: { select: LEAD_LINK }, repliesTo: { select: EARLIER_EXCHANGE } },
          })
        : null;
      const { row, lead, earlier } =
        stored === null
          ? await prisma.$transaction((tx) => storeQuestion(tx, question))
          : {
              row: stored,
              lead: stored.origin === "lead_reply" ? stored.lead?.reference : undefined,
              earlier: stored.repliesTo,
            };
      const queued = asQueued({ ...row, reference: questionReference(row.id), answeredByName: null, delivery: null });
      await officers.notify({
        text: questionNotice(queued, lead, earlier, t),
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
    async lastOfficerWord(chat) {
      // An answer about a live lead is in that lead's history (and its button names the lead); only an
      // answer about no lead, or an erased one, names its question.
      const [message, answer] = await Promise.all([
        prisma.leadEvent.findFirst({
          where: { kind: OFFICER_MESSAGE_EVENT, lead: { ...chat, erasedAt: null } },
          orderBy: [{ at: "desc" }, { id: "desc" }],
          select: { at: true, lead: { select: { reference: true } } },
        }),
        prisma.officerQuestion.findFirst({
          where: { ...chat, status: "answered", OR: [{ leadId: null }, { lead: { erasedAt: { not: null } } }] },
          orderBy: [{ answeredAt: "desc" }, { id: "desc" }],
          select: { id: true, answeredAt: true },
        }),
      ]);
      if (answer?.answeredAt && (!message || answer.answeredAt > message.at)) return questionReference(answer.id);
      return message?.lead.reference;
    },
  };
}
