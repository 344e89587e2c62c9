/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql
 * with the SQL that takes the checked-in migrations to the current prisma/schema.prisma.
 * Review the file before committing it; applied migrations must never be edited afterwards.
 */
import { access, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFAULT_MIGRATIONS_DIR } from "../../src/db/migration-files.js";
import { diffSchemaAgainstMigrations, MIGRATION_LOCK_CONTENT, MIGRATION_LOCK_FILE } from "./schema-diff.js";

const name = (process.argv[2] ?? "")
  .trim()
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_+|_+$/g, "");
if (name === "") {
  console.error("Usage: npm run db:migration -- <name>   (for example: add_leads)");
  process.exit(1);
}

const sql = await diffSchemaAgainstMigrations();
if (sql === null) {
  console.log("No schema changes.");
} else {
  const folder = join(DEFAULT_MIGRATIONS_DIR, `${utcTimestamp(new Date())}_${name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, "migration.sql"), sql, { flag: "wx" });
  const lockPath = join(DEFAULT_MIGRATIONS_DIR, MIGRATION_LOCK_FILE);
  if (
    !(await access(lockPath).then(
      () => true,
      () => false,
    ))
  ) {
    await writeFile(lockPath, MIGRATION_LOCK_CONTENT);
  }
  console.log(`Created ${join(folder, "migration.sql")}`);
}

/** Prisma's folder prefix: UTC, YYYYMMDDHHMMSS. */
function utcTimestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}
