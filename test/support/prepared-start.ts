import { cpSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { tempDataDir } from "./app-process.js";

/** Settings that change which index an app needs: a test giving one builds (and tests) its own. */
const OWN_INDEX_SETTINGS = ["INDEX_DIR", "KNOWLEDGE_DIR", "OPENAI_API_KEY", "OPENAI_BASE_URL"];

/**
 * A test app start's environment with INDEX_DIR naming the run's offline index of `knowledge/` (built
 * once by test/support/run-fixtures.ts), unless `env` chooses its own index; the app loads it as
 * production instances load a shipped index.
 */
export function withSharedIndex(env: Record<string, string>): Record<string, string> {
  return OWN_INDEX_SETTINGS.some((name) => name in env) ? env : { INDEX_DIR: inject("knowledgeIndexDir"), ...env };
}

/** An in-memory database starting as a copy of the run's migrated one, with no rows. */
export function migratedMemoryDatabaseUrl(): string {
  return `pglite:memory:${inject("databaseTemplateDump")}`;
}

/**
 * A new DATA_DIR holding a database with every migration applied and no rows (a copy of the run's
 * template), for tests about something other than creating and migrating a database: the app finds
 * it up to date, as on any start after the first.
 */
export function migratedDataDir(): string {
  const dir = tempDataDir();
  cpSync(inject("databaseTemplateDir"), join(dir, "db"), { recursive: true });
  return dir;
}
