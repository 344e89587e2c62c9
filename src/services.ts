import type { PrismaClient } from "./db/index.js";
import type { Services } from "./bot/services.js";
import { prismaQuestionQueue } from "./questions/prisma-question-queue.js";
import { prismaOutbox } from "./outbound/prisma-outbox.js";

/** Builds the plain-TypeScript services over the database; the clock is real here, injected in tests. */
export function createServices(prisma: PrismaClient): Services {
  return {
    now: () => new Date(),
    questions: prismaQuestionQueue(prisma),
    outbox: prismaOutbox(prisma),
  };
}
