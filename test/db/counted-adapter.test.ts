import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../../src/generated/prisma/client.js";
import { countedAdapter } from "../../src/db/counted-adapter.js";
import { startPGliteThread } from "../../src/db/pglite-thread.js";
import { countedQueries, recordedWork } from "./counted-queries.js";

describe("a counted driver adapter on the embedded database", () => {
  let thread: Awaited<ReturnType<typeof startPGliteThread>>;
  beforeAll(async () => {
    thread = await startPGliteThread(undefined);
  });
  afterAll(() => thread.close());

  it("reports each statement and each transaction, and still answers", async () => {
    const { log, work } = recordedWork();
    const prisma = new PrismaClient({ adapter: countedAdapter(thread.adapter, work) });
    try {
      await countedQueries(prisma);
      expect(await prisma.$queryRaw`SELECT 5 AS five`).toEqual([{ five: 5 }]);
    } finally {
      await prisma.$disconnect();
    }
    expect(log.map((sql) => sql.trim())).toEqual([
      "SELECT 1 AS one",
      "SELECT 2",
      "TRANSACTION",
      "SELECT 3 AS three",
      "SELECT 4 AS four",
      "SELECT 5 AS five",
    ]);
  });
});
