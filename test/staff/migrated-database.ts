import { applyMigrations, openDatabase, type Database } from "../../src/db/index.js";

/** One migrated in-memory database per test file (PGlite takes seconds to start); `clear` empties it. */
export async function migratedDatabase(): Promise<Database & { clear(): Promise<void> }> {
  const db = await openDatabase("pglite:memory");
  await applyMigrations(db);
  return {
    ...db,
    clear: async () => {
      await db.prisma.$executeRawUnsafe(
        "TRUNCATE staff_user, staff_session, staff_token, lead, lead_event, pool_alert, audit_entry, officer_question, outbound_job RESTART IDENTITY CASCADE",
      );
    },
  };
}
