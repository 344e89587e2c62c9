import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createKnowledgeService } from "../../src/knowledge/answer/knowledge-service.js";
import { ingestKnowledge } from "../../src/knowledge/ingest/ingest.js";
import type { KnowledgeOptions } from "../../src/knowledge/types.js";

/** A private copy of the fixture guides plus an empty data dir, so tests can edit files freely. */
export function fixtureKnowledge(): KnowledgeOptions & { cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), "knowledge-test-"));
  const knowledgeDir = join(root, "knowledge");
  cpSync(new URL("./fixtures/knowledge", import.meta.url), knowledgeDir, { recursive: true });
  return { dataDir: join(root, "data"), knowledgeDir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** The fixture guides plus one more guide (`folder/file.md`), indexed, and a service answering from them. */
export async function knowledgeWithGuide(folder: string, file: string, text: string) {
  const kb = fixtureKnowledge();
  mkdirSync(join(kb.knowledgeDir, folder), { recursive: true });
  writeFileSync(join(kb.knowledgeDir, folder, file), text);
  await ingestKnowledge(kb);
  return { kb, service: await createKnowledgeService(kb) };
}

/** A guide section's cite block for an article of the Cooperative Law 2023, in force. */
export const citeLaw2023 = (article: string): string =>
  [
    "<!-- cite",
    "doc: 17/2023/QH15",
    "doc_title: Luật Hợp tác xã 2023",
    `article: "${article}"`,
    "effective: 2024-07-01",
    "status: in_force",
    "-->",
  ].join("\n");
