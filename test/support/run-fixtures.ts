import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { applyMigrations, openDatabase } from "../../src/db/index.js";
import { ensureIndex } from "../../src/knowledge/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The offline knowledge index of `knowledge/`, built once per run (see `sharedIndexEnv`). */
    knowledgeIndexDir: string;
    /** A PGlite data directory with every migration applied and no rows (see `migratedDataDir`). */
    databaseTemplateDir: string;
    /** The same database as a dump file, for `pglite:memory:<file>` (see `migratedMemoryDatabaseUrl`). */
    databaseTemplateDump: string;
  }
}

/**
 * Vitest global setup: what nearly every app start and test database would otherwise redo in each
 * file, done once per run. Building the offline index costs about 5 s of CPU, and a new PGlite
 * database about 10 s (initdb in WebAssembly, then the migrations), against about 1 s to open a copy
 * of one already made. Tests about the index build, initdb or the migrations themselves do not use
 * these. Removed when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), "htx-run-"));
  const indexDir = join(root, "index");
  const databaseDir = join(root, "db");
  const dumpFile = join(root, "db.tar");
  await Promise.all([
    ensureIndex({ dataDir: root, indexDir, knowledgeDir: resolve("knowledge") }),
    (async () => {
      const db = await openDatabase(`pglite:${databaseDir}`);
      try {
        await applyMigrations(db);
      } finally {
        await db.close();
      }
      const template = new PGlite(databaseDir);
      try {
        writeFileSync(dumpFile, Buffer.from(await (await template.dumpDataDir("none")).arrayBuffer()));
      } finally {
        await template.close();
      }
    })(),
  ]);
  project.provide("knowledgeIndexDir", indexDir);
  project.provide("databaseTemplateDir", databaseDir);
  project.provide("databaseTemplateDump", dumpFile);
  return () => rmSync(root, { recursive: true, force: true });
}
