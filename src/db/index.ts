// The public face of storage: other code imports from here, never from src/generated.
export { openDatabase, type Database } from "./open-database.js";
export { applyMigrations, type ApplyMigrationsOptions } from "./migrate.js";
export { Prisma, OutboundJobStatus } from "../generated/prisma/client.js";
export type {
  PrismaClient,
  ChatSession,
  ProcessedUpdate,
  WebChatMessage,
  OutboundJob,
} from "../generated/prisma/client.js";
