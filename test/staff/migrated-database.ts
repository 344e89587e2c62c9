import { applyMigrations, openDatabase, type Database } from "../../src/db/index.js";

/**
 * One migrated in-memory database per test file (PGlite takes seconds to start); `clear` empties
 * every table but the migration history, read from the catalog so a new model is never forgotten.
 */
export async function migratedDatabase(): Promise<Database & { clear(): Promise<void> }> {
  const db = await openDatabase("pglite:memory");
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
