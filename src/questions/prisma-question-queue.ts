import type { AuditLog } from "../audit/audit-log.js";
import type { PrismaClient } from "../db/index.js";
import type { Translate } from "../i18n/translate.js";
import type { Outbox } from "../outbound/outbox.js";
import { officerNotifier } from "../staff/officer-notifier.js";
import {
  answerOfficerQuestion,
  findOfficerQuestion,
  listOfficerQuestions,
  type OfficerQuestionView,
} from "./officer-desk.js";
import { ANSWER_BUTTON_PREFIX, questionReference, type QueuedQuestion, type QuestionQueue } from "./question-queue.js";

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

export function prismaQuestionQueue(
  prisma: PrismaClient,
  deps: { outbox: Outbox; translate: Translate; audit: AuditLog },
): QuestionQueue {
  const officers = officerNotifier(prisma, deps.outbox);
  const t = deps.translate;
  return {
    async submit(question) {
      const row = await prisma.officerQuestion.create({
        data: {
          channel: question.channel,
          chatId: question.chatId,
          text: question.text,
          origin: question.origin,
          createdAt: question.at,
        },
      });
      const queued = asQueued({ ...row, reference: questionReference(row.id), answeredByName: null, delivery: null });
      await officers.notify({
        text: question.replyTo
          ? t("oc-farmer-reply-new", { reference: queued.reference, lead: question.replyTo, question: question.text })
          : t("oc-question-new", { reference: queued.reference, question: question.text }),
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
        { prisma, outbox: deps.outbox, translate: t, audit: deps.audit },
        { id, answer, officerId, now: at, via: "chat" },
      );
      return outcome.ok ? { ok: true, question: asQueued(outcome.question) } : outcome;
    },
  };
}
