import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readMigrationFiles } from "../../src/db/migration-files.js";
import { applyMigrations, openDatabase, type Database } from "../../src/db/index.js";
import { exerciseEveryModel } from "./model-crud.js";

// Starting PGlite takes seconds, so the tests share one and empty it in between.
// The same model checks run on a PostgreSQL server in postgres.test.ts.
let db: Database;
beforeAll(async () => {
  db = await openDatabase("pglite:memory");
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.prisma.$executeRawUnsafe("DROP SCHEMA public CASCADE");
  await db.prisma.$executeRawUnsafe("CREATE SCHEMA public");
});

const tableNames = async () =>
  (
    await db.prisma.$queryRawUnsafe<{ table_name: string }[]>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    )
  ).map((row) => row.table_name);

describe("applyMigrations with the checked-in migrations", () => {
  it("creates every table, records each migration as Prisma does, and applies nothing the second time", async () => {
    const files = await readMigrationFiles();
    const logged: string[] = [];

    const first = await applyMigrations(db, { log: (msg) => logged.push(msg) });

    expect(files.length).toBeGreaterThan(0);
    expect(first.applied).toEqual(files.map((file) => file.name));
    expect(logged).toEqual(files.map((file) => `Applied migration ${file.name}`));
    expect(await tableNames()).toEqual(
      expect.arrayContaining([
        "_prisma_migrations",
        "chat_session",
        "processed_update",
        "web_chat_message",
        "outbound_job",
      ]),
    );
    const rows = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(
      'SELECT * FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows).toEqual(
      files.map((file) => ({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        checksum: file.checksum,
        finished_at: expect.any(Date),
        migration_name: file.name,
        logs: null,
        rolled_back_at: null,
        started_at: expect.any(Date),
        applied_steps_count: 1,
      })),
    );

    expect(await applyMigrations(db)).toEqual({ applied: [] });
  });

  it("gives every model a working table on PGlite", async () => {
    await applyMigrations(db);
    await exerciseEveryModel(db.prisma);
  });
});

describe("applyMigrations with a history of its own", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "migrations-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const writeMigration = async (name: string, sql: string) => {
    await mkdir(join(dir, name), { recursive: true });
    await writeFile(join(dir, name, "migration.sql"), sql);
  };

  it("applies folders in name order, running scripts with several statements", async () => {
    await writeMigration("20260102000000_second", "ALTER TABLE a ADD COLUMN note TEXT DEFAULT 'x;y';");
    await writeMigration(
      "20260101000000_first",
      "CREATE TABLE a (id INT PRIMARY KEY);\nDO $$ BEGIN INSERT INTO a VALUES (1); END $$;\n",
    );

    expect(await applyMigrations(db, { dir })).toEqual({ applied: ["20260101000000_first", "20260102000000_second"] });
    expect(await db.prisma.$queryRawUnsafe("SELECT id, note FROM a")).toEqual([{ id: 1, note: "x;y" }]);
  });

  it("applies only migrations added since the last run", async () => {
    await writeMigration("20260101000000_first", "CREATE TABLE a (id INT);");
    await applyMigrations(db, { dir });
    await writeMigration("20260102000000_second", "CREATE TABLE b (id INT);");

    expect(await applyMigrations(db, { dir })).toEqual({ applied: ["20260102000000_second"] });
  });

  it("refuses to run when an applied migration was edited", async () => {
    await writeMigration("20260101000000_first", "CREATE TABLE a (id INT);");
    await applyMigrations(db, { dir });
    await writeMigration("20260101000000_first", "CREATE TABLE a (id BIGINT);");
    await writeMigration("20260102000000_second", "CREATE TABLE b (id INT);");

    await expect(applyMigrations(db, { dir })).rejects.toThrow(/20260101000000_first was edited after it was applied/);
    expect(await tableNames()).not.toContain("b");
  });

  it("accepts an applied migration whose line endings alone changed, as prisma migrate does", async () => {
    await writeMigration("20260101000000_first", "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n");
    await applyMigrations(db, { dir });
    await writeMigration("20260101000000_first", "CREATE TABLE a (id INT);\r\nCREATE TABLE b (id INT);\r\n");

    expect(await applyMigrations(db, { dir })).toEqual({ applied: [] });
  });

  it("refuses to run when an applied migration's folder is missing", async () => {
    await writeMigration("20260101000000_first", "CREATE TABLE a (id INT);");
    await applyMigrations(db, { dir });
    await rm(join(dir, "20260101000000_first"), { recursive: true });

    await expect(applyMigrations(db, { dir })).rejects.toThrow(/20260101000000_first is recorded .* folder is missing/);
  });

  it("rolls a failing migration back entirely and records nothing for it", async () => {
    await writeMigration("20260101000000_first", "CREATE TABLE a (id INT);");
    await writeMigration("20260102000000_broken", "CREATE TABLE b (id INT);\nINSERT INTO no_such_table VALUES (1);");

    await expect(applyMigrations(db, { dir })).rejects.toThrow(
      /20260102000000_broken failed and was rolled back: .*"no_such_table" does not exist/,
    );
    expect(await tableNames()).toEqual(["_prisma_migrations", "a"]);
    const recorded = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM "_prisma_migrations"',
    );
    expect(recorded).toEqual([{ migration_name: "20260101000000_first" }]);
  });
});
