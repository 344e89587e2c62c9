import { randomUUID } from "node:crypto";
import type { Prisma } from "../generated/prisma/client.js";
import { errorReason } from "./error-reason.js";
import { DEFAULT_MIGRATIONS_DIR, matchesChecksum, readMigrationFiles, type MigrationFile } from "./migration-files.js";
import type { Database } from "./open-database.js";
import { splitSqlStatements } from "./split-sql.js";

export interface ApplyMigrationsOptions {
  /** Folder of `<timestamp>_<name>/migration.sql` folders; defaults to prisma/migrations. */
  dir?: string;
  log?: (msg: string) => void;
}

// Prisma's own table, columns and types, so `prisma migrate deploy` can take over this history.
const CREATE_HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// The key `prisma migrate` itself locks, so this runner and Prisma's engine exclude each other too.
const MIGRATION_LOCK_KEY = 72707369;

// Waiting for another instance's migration must not hit Prisma's 5 s interactive-transaction default.
const TRANSACTION_LIMITS = { maxWait: 60_000, timeout: 10 * 60_000 };

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

/**
 * Applies the pending migrations in name order, each in its own transaction, and records them in
 * `_prisma_migrations`. Refuses to run when the recorded history and the folders disagree.
 *
 * Every transaction first takes a transaction-scoped advisory lock and re-reads the history, so
 * instances starting together apply each migration once. A transaction-scoped lock is used because
 * Prisma's pool gives no session that would outlive a single transaction.
 */
export async function applyMigrations(db: Database, opts: ApplyMigrationsOptions = {}): Promise<{ applied: string[] }> {
  const dir = opts.dir ?? DEFAULT_MIGRATIONS_DIR;
  const files = await readMigrationFiles(dir);

  const recorded = await inMigrationLock(db, async (tx) => {
    await tx.$executeRawUnsafe(CREATE_HISTORY_TABLE);
    return readHistory(tx);
  });
  verifyHistory(files, recorded, dir);

  const applied: string[] = [];
  for (const file of files) {
    if (recorded.has(file.name)) continue;
    const didApply = await inMigrationLock(db, async (tx) => {
      if ((await readHistory(tx)).has(file.name)) return false;
      await runMigration(tx, file);
      return true;
    });
    if (didApply) {
      applied.push(file.name);
      opts.log?.(`Applied migration ${file.name}`);
    }
  }
  return { applied };
}

function inMigrationLock<T>(db: Database, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    return work(tx);
  }, TRANSACTION_LIMITS);
}

/** Rows of migrations in effect: rolled-back attempts do not count, as in `prisma migrate`. */
async function readHistory(tx: Prisma.TransactionClient): Promise<Map<string, HistoryRow>> {
  const rows = await tx.$queryRawUnsafe<HistoryRow[]>(
    `SELECT "migration_name", "checksum", "finished_at" FROM "_prisma_migrations"
     WHERE "rolled_back_at" IS NULL ORDER BY "started_at"`,
  );
  return new Map(rows.map((row) => [row.migration_name, row]));
}

function verifyHistory(files: MigrationFile[], recorded: Map<string, HistoryRow>, dir: string): void {
  const byName = new Map(files.map((file) => [file.name, file]));
  for (const row of recorded.values()) {
    const file = byName.get(row.migration_name);
    if (row.finished_at === null) {
      throw new Error(
        `Migration ${row.migration_name} started but never finished. Repair the database by hand, then ` +
          `mark it with \`prisma migrate resolve\` or delete its row from _prisma_migrations.`,
      );
    }
    if (!file) {
      throw new Error(
        `Migration ${row.migration_name} is recorded in the database but its folder is missing from ${dir}. ` +
          `Restore the folder; applied migrations must stay in the history.`,
      );
    }
    if (!matchesChecksum(file, row.checksum)) {
      throw new Error(
        `Migration ${row.migration_name} was edited after it was applied (its checksum changed). ` +
          `Restore the original migration.sql and put the change in a new migration.`,
      );
    }
  }
}

async function runMigration(tx: Prisma.TransactionClient, file: MigrationFile): Promise<void> {
  for (const statement of splitSqlStatements(file.sql)) {
    try {
      await tx.$executeRawUnsafe(statement);
    } catch (error) {
      throw new Error(
        `Migration ${file.name} failed and was rolled back: ${errorReason(error)}\nStatement: ${statement}`,
        {
          cause: error,
        },
      );
    }
  }
  // now() is the transaction's start; clock_timestamp() the moment the last statement finished.
  await tx.$executeRawUnsafe(
    `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count")
     VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
    randomUUID(),
    file.checksum,
    file.name,
  );
}
