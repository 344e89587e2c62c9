import { resolve } from "node:path";
import type { KnowledgeOptions, Logger } from "./types.js";

/**
 * Knowledge options from environment variables. The caller passes the environment in (scripts pass
 * process.env), so the knowledge service itself never reads globals and tests pass plain objects.
 *
 *   DATA_DIR          generated data; the index goes to $DATA_DIR/index      (default: data)
 *   INDEX_DIR         the index elsewhere, e.g. one built once for several instances
 *   KNOWLEDGE_DIR     guides and official documents                         (default: knowledge)
 *   OPENAI_API_KEY    key of an OpenAI-compatible endpoint
 *   OPENAI_BASE_URL   endpoint URL, e.g. http://localhost:11434/v1 for Ollama
 *   EMBEDDINGS_MODEL  embedding model on that endpoint (default: text-embedding-3-small)
 *   OPENAI_MODEL      chat model; when set, answers are generated from the retrieved passages
 */
export function knowledgeOptionsFromEnv(
  env: Record<string, string | undefined>,
  cwd: string,
  logger?: Logger,
): KnowledgeOptions {
  const openai = {
    apiKey: env.OPENAI_API_KEY || undefined,
    baseURL: env.OPENAI_BASE_URL || undefined,
    model: env.OPENAI_MODEL || undefined,
    embeddingsModel: env.EMBEDDINGS_MODEL || undefined,
  };
  return {
    dataDir: resolve(cwd, env.DATA_DIR || "data"),
    ...(env.INDEX_DIR ? { indexDir: resolve(cwd, env.INDEX_DIR) } : {}),
    knowledgeDir: resolve(cwd, env.KNOWLEDGE_DIR || "knowledge"),
    openai: Object.values(openai).some(Boolean) ? openai : undefined,
    ...(logger ? { logger } : {}),
  };
}
