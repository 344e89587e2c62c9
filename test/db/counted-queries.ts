import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../../src/generated/prisma/client.js";
import { countedAdapter } from "../../src/db/counted-adapter.js";

/** What `countedQueries` reports on any database: BEGIN and COMMIT belong to the transaction. */
export const EXPECTED_WORK = ["SELECT 1 AS one", "SELECT 2", "TRANSACTION", "SELECT 3 AS three", "SELECT 4 AS four"];

/**
 * Two statements alone, then two in one transaction, through a counted adapter over `factory`: the
 * statements reported in order (a marker where the transaction opened) and the first one's answer.
 */
export async function countedQueries(factory: SqlDriverAdapterFactory) {
  const log: string[] = [];
  const work = { statement: (sql: string) => log.push(sql.trim()), transaction: () => log.push("TRANSACTION") };
  const prisma = new PrismaClient({ adapter: countedAdapter(factory, work) });
  try {
    const answer = await prisma.$queryRaw`SELECT 1 AS one`;
    await prisma.$executeRaw`SELECT 2`;
    await prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 3 AS three`;
      await tx.$queryRaw`SELECT 4 AS four`;
    });
    return { log, answer };
  } finally {
    await prisma.$disconnect();
  }
}
