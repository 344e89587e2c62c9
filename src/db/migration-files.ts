import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The checked-in history: prisma/migrations at the root of this repository. */
export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

export interface MigrationFile {
  /** Folder name, `<YYYYMMDDHHMMSS>_<name>`; the order of names is the order of application. */
  name: string;
  sql: string;
  /** Lower-case hex SHA-256 of the file, as Prisma records it in `_prisma_migrations.checksum`. */
  checksum: string;
}

/** Reads every `<dir>/<folder>/migration.sql`, sorted by folder name; a missing dir means none. */
export async function readMigrationFiles(dir: string = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const buffer = await readFile(join(dir, name, "migration.sql")).catch((error: unknown) => {
        throw new Error(`Migration folder ${name} has no readable migration.sql`, { cause: error });
      });
      const sql = buffer.toString("utf8");
      return { name, sql, checksum: sha256(sql) };
    }),
  );
}

/** As in `prisma migrate`, a checkout that only changed line endings (Git on Windows) still matches. */
export function matchesChecksum(file: MigrationFile, recordedChecksum: string): boolean {
  const variants = [file.sql, file.sql.replace(/\r\n/g, "\n"), file.sql.replace(/\r?\n/g, "\r\n")];
  return variants.some((sql) => sha256(sql) === recordedChecksum);
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
