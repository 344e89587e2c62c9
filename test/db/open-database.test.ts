import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/index.js";
import { migratedMemoryDatabaseUrl } from "../support/prepared-start.js";

describe("openDatabase", () => {
  it.each(["", "pglite:", "sqlite:./data/db", "mysql://admin:s3cret@db.example/htx", "./data/db"])(
    "rejects %j naming DATABASE_URL and the accepted forms",
    async (url) => {
      const attempt = openDatabase(url);
      await expect(attempt).rejects.toThrow(/DATABASE_URL .*pglite:memory, pglite:<directory>.*postgres:\/\//);
      await expect(attempt).rejects.not.toThrow(/s3cret/);
    },
  );

  it("fails at open, not at first use, when the PostgreSQL server cannot be reached", async () => {
    await expect(openDatabase("postgresql://postgres:pw@127.0.0.1:1/htx")).rejects.toThrow(
      /^Cannot use the PostgreSQL database in DATABASE_URL: .*127\.0\.0\.1:1/,
    );
  });

  describe("with a PGlite directory", () => {
    let root: string;
    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), "open-database-"));
    });
    afterAll(() => rm(root, { recursive: true, force: true }));

    // Three database starts (creating the directory, then two opens): more than the default bound.
    it("creates missing parent directories and keeps data across reopening", { timeout: 120_000 }, async () => {
      const url = `pglite:${join(root, "nested", "deeper", "db")}`;
      const first = await openDatabase(url);
      expect(first.kind).toBe("pglite");
      await first.prisma.$executeRawUnsafe("CREATE TABLE kept (note TEXT)");
      await first.prisma.$executeRawUnsafe("INSERT INTO kept VALUES ('xin chào')");
      await first.close();
      expect(existsSync(join(root, "nested", "deeper", "db", "PG_VERSION"))).toBe(true);

      const second = await openDatabase(url);
      try {
        expect(await second.prisma.$queryRawUnsafe("SELECT note FROM kept")).toEqual([{ note: "xin chào" }]);
      } finally {
        await second.close();
      }
    });
  });

  it("starts pglite:memory:<dump file> from the dump's database, and never writes back to the file", async () => {
    const url = migratedMemoryDatabaseUrl();
    const first = await openDatabase(url);
    const migrations = "SELECT count(*)::int AS n FROM _prisma_migrations";
    try {
      expect(await first.prisma.$queryRawUnsafe(migrations)).toEqual([{ n: expect.any(Number) }]);
      await first.prisma.$executeRawUnsafe("CREATE TABLE only_in_memory (note TEXT)");
    } finally {
      await first.close();
    }
    const second = await openDatabase(url);
    try {
      expect(await second.prisma.$queryRawUnsafe("SELECT to_regclass('only_in_memory')::text AS t")).toEqual([
        { t: null },
      ]);
    } finally {
      await second.close();
    }
  });
});
