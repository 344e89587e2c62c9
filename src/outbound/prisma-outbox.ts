import type { Prisma, PrismaClient } from "../db/index.js";
import type { Outbox } from "./outbox.js";

export function prismaOutbox(prisma: PrismaClient): Outbox {
  return {
    async enqueue(to, message, options) {
      await prisma.outboundJob.create({
        data: {
          channel: to.channel,
          chatId: to.chatId,
          payload: message as unknown as Prisma.InputJsonValue,
          questionId: options?.origin?.questionId,
          senderId: options?.origin?.senderId,
          ...(options?.notBefore ? { notBefore: options.notBefore } : {}),
        },
      });
    },
  };
}
