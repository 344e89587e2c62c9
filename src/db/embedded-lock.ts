import { join } from "node:path";
import { acquirePidLock } from "../lib/pid-lock.js";

/**
 * The embedded database (a PGlite directory) belongs to one process: the app and `npm run
 * admin:create` take the same lock, so the second one stops with AlreadyRunningError instead of
 * writing into a database another process holds (its writes would be lost). A PostgreSQL server or
 * an in-memory database needs no lock. Returns the release function.
 */
export function lockEmbeddedDatabase(databaseUrl: string, dataDir: string): () => void {
  const inMemory = databaseUrl === "pglite:memory" || databaseUrl.startsWith("pglite:memory:");
  if (!databaseUrl.startsWith("pglite:") || inMemory) return () => undefined;
  return acquirePidLock(join(dataDir, "app.pid"));
}
