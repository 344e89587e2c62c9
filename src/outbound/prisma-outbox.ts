import type { Prisma } from "../db/index.js";
import type { Outbox } from "./outbox.js";

/** The outbox in the database; given a transaction, a queued message commits with the rest of it. */
export function prismaOutbox(prisma: Prisma.TransactionClient): Outbox {
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
