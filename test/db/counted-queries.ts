import type { PrismaClient } from "../../src/generated/prisma/client.js";

/** A database work recorder: the statements in order, a marker where a transaction opened. */
export function recordedWork() {
  const log: string[] = [];
  return { log, work: { statement: (sql: string) => log.push(sql), transaction: () => log.push("TRANSACTION") } };
}

/** Two statements alone, then two in one transaction. */
export async function countedQueries(prisma: PrismaClient) {
  await prisma.$queryRaw`SELECT 1 AS one`;
  await prisma.$executeRaw`SELECT 2`;
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 3 AS three`;
    await tx.$queryRaw`SELECT 4 AS four`;
  });
}
