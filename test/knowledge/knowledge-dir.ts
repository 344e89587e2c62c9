import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { KnowledgeOptions } from "../../src/knowledge/types.js";

/** A private copy of the fixture guides plus an empty data dir, so tests can edit files freely. */
export function fixtureKnowledge(): KnowledgeOptions & { cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), "knowledge-test-"));
  const knowledgeDir = join(root, "knowledge");
  cpSync(new URL("./fixtures/knowledge", import.meta.url), knowledgeDir, { recursive: true });
  return { dataDir: join(root, "data"), knowledgeDir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
