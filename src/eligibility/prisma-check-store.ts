import type { Prisma, PrismaClient } from "../db/index.js";
import type { CheckStore, StoredCheck } from "./service.js";
import type { Answers, ProgrammeResult } from "./types.js";

export function prismaCheckStore(prisma: PrismaClient): CheckStore {
  const toCheck = (row: Awaited<ReturnType<typeof prisma.eligibilityCheck.create>>): StoredCheck => ({
    id: row.id,
    channel: row.channel,
    chatId: row.chatId,
    asOf: row.asOf,
    answers: row.answers as Answers,
    results: row.results as unknown as ProgrammeResult[],
    rulesVersion: row.rulesVersion,
  });
  return {
    async insert(check) {
      const row = await prisma.eligibilityCheck.create({
        data: {
          channel: check.channel,
          chatId: check.chatId,
          asOf: check.asOf,
          answers: check.answers as Prisma.InputJsonValue,
          results: check.results as unknown as Prisma.InputJsonValue,
          rulesVersion: check.rulesVersion,
        },
      });
      return toCheck(row);
    },
    async get(id) {
      const row = await prisma.eligibilityCheck.findUnique({ where: { id } });
      return row ? toCheck(row) : undefined;
    },
  };
}
