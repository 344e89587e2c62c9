import type { KnowledgeService } from "../answer/knowledge-service.js";
import type { FaqInput, KnowledgeOptions } from "../types.js";

/** The knowledge service's methods, each callable across the thread boundary with its own arguments. */
export type KnowledgeMethod = keyof KnowledgeService;

/** What the thread is started with: the options that are plain data (the logger and FAQs are proxied). */
export interface KnowledgeThreadData {
  options: Omit<KnowledgeOptions, "logger" | "faqs">;
  /** Whether officers' FAQ entries are searched (read through the main thread's database). */
  faqs: boolean;
  faqMaxAgeMs?: number;
}

/** An error crossing the thread boundary as data; `name` maps it back to its class (see knowledge-thread.ts). */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

export type ToThread =
  | { id: number; method: KnowledgeMethod; args: unknown[] }
  | { faqReply: number; entries?: FaqInput[]; error?: SerializedError };

export type FromThread =
  | { ready: true }
  | { startError: SerializedError }
  | { id: number; result?: unknown; error?: SerializedError }
  | { faqRequest: number }
  | { log: "info" | "warn" | "error"; obj: object | string; msg?: string };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: "Error", message: String(error) };
}
