/** Public API of the knowledge service (see README.md in this folder). */
export {
  createKnowledgeService,
  type KnowledgeService,
  type SectionView,
  type Topic,
} from "./answer/knowledge-service.js";
export { knowledgeOptionsFromEnv } from "./config.js";
export {
  ensureIndex,
  ingestKnowledge,
  type IngestOptions,
  type IngestProgress,
  type IngestReport,
} from "./ingest/ingest.js";
export { IndexMismatchError, MissingIndexError } from "./ingest/index-files.js";
export { terminalProgress } from "./ingest/progress-bar.js";
export type { Answer, AnswerSource, FaqInput, FaqProvider, KnowledgeOptions, Logger, OpenAIOptions } from "./types.js";
