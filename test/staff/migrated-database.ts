import { afterAll, beforeAll, beforeEach } from "vitest";
import { applyMigrations, openDatabase, type Database } from "../../src/db/index.js";
import { migratedMemoryDatabaseUrl } from "../support/prepared-start.js";

/**
 * One migrated in-memory database per test file, a copy of the run's (a new PGlite database takes
 * seconds of initdb and migrations; the migrations still run here, finding nothing to do); `clear` empties
 * every table but the migration history, read from the catalog so a new model is never forgotten.
 */
export async function migratedDatabase(): Promise<Database & { clear(): Promise<void> }> {
  const db = await openDatabase(migratedMemoryDatabaseUrl());
  await applyMigrations(db);
  return {
    ...db,
    clear: async () => {
      const tables = await db.prisma.$queryRawUnsafe<{ name: string }[]>(
        "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
      );
      await db.prisma.$executeRawUnsafe(
        `TRUNCATE ${tables.map((t) => `"${t.name}"`).join(", ")} RESTART IDENTITY CASCADE`,
      );
    },
  };
}

export type TestDatabase = Awaited<ReturnType<typeof migratedDatabase>>;

/** Registers the file's hooks: one migrated database for the file, emptied before each test. */
export function useMigratedDatabase(): TestDatabase {
  let db: TestDatabase | undefined;
  const opened = () => {
    if (!db) throw new Error("The test database opens in beforeAll: use it inside hooks and tests.");
    return db;
  };
  beforeAll(async () => {
    db = await migratedDatabase();
  });
  afterAll(() => db?.close());
  beforeEach(() => opened().clear());
  return {
    get prisma() {
      return opened().prisma;
    },
    get kind() {
      return opened().kind;
    },
    close: () => opened().close(),
    clear: () => opened().clear(),
  };
}
