/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (default pglite:./data/db). */
import { applyMigrations, openDatabase } from "../../src/db/index.js";

const url = process.env.DATABASE_URL || "pglite:./data/db";
const db = await openDatabase(url);
try {
  const { applied } = await applyMigrations(db, { log: (msg) => console.log(msg) });
  console.log(applied.length === 0 ? "Database is up to date." : `Applied ${applied.length} migration(s).`);
} finally {
  await db.close();
}
