import { parentPort, workerData } from "node:worker_threads";
import { createKnowledgeService, type KnowledgeService } from "../answer/knowledge-service.js";
import { ensureIndex } from "../ingest/ingest.js";
import type { FaqInput, KnowledgeOptions, Logger } from "../types.js";
import { serializeError, type FromThread, type KnowledgeThreadData, type ToThread } from "./protocol.js";

/**
 * The knowledge service on its own thread: the index is loaded (read-only) here only, and retrieval and
 * answer composition run here, off the event loop that accepts connections and runs the bot.
 */
const port = parentPort!;
const data = workerData as KnowledgeThreadData;
const post = (message: FromThread) => port.postMessage(message);

const logger: Logger = {
  info: (obj, msg) => post({ log: "info", obj, msg }),
  warn: (obj, msg) => post({ log: "warn", obj, msg }),
  error: (obj, msg) => post({ log: "error", obj, msg }),
};

/** The FAQ entries live in the database, which the main thread holds: each read is asked of it. */
const faqReads = new Map<number, { resolve(entries: FaqInput[]): void; reject(error: Error): void }>();
let lastFaqRead = 0;
function loadFaqs(): Promise<FaqInput[]> {
  lastFaqRead += 1;
  const id = lastFaqRead;
  return new Promise((resolve, reject) => {
    faqReads.set(id, { resolve, reject });
    post({ faqRequest: id });
  });
}

const options: KnowledgeOptions = {
  ...data.options,
  logger,
  ...(data.faqs ? { faqs: { load: loadFaqs, maxAgeMs: data.faqMaxAgeMs } } : {}),
};

let service: KnowledgeService;
try {
  await ensureIndex(options);
  service = await createKnowledgeService(options);
} catch (error) {
  post({ startError: serializeError(error) });
  process.exit(1);
}

port.on("message", async (message: ToThread) => {
  if ("faqReply" in message) {
    const read = faqReads.get(message.faqReply);
    faqReads.delete(message.faqReply);
    if (message.error) read?.reject(Object.assign(new Error(message.error.message), message.error));
    else read?.resolve(message.entries ?? []);
    return;
  }
  try {
    const method = service[message.method] as (...args: unknown[]) => unknown;
    post({ id: message.id, result: await method.apply(service, message.args) });
  } catch (error) {
    post({ id: message.id, error: serializeError(error) });
  }
});
post({ ready: true });
