import type { PrismaClient } from "../db/index.js";
import { questionReference, type QuestionQueue } from "./question-queue.js";

export function prismaQuestionQueue(prisma: PrismaClient): QuestionQueue {
  return {
    async submit(question) {
      const row = await prisma.officerQuestion.create({
        data: { channel: question.channel, chatId: question.chatId, text: question.text, origin: question.origin, createdAt: question.at },
      });
      return { ...question, id: row.id, reference: questionReference(row.id), status: "open" };
    },
  };
}
