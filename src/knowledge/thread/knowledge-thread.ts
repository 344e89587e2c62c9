import { Worker } from "node:worker_threads";
import type { KnowledgeService } from "../answer/knowledge-service.js";
import type { KnowledgeOptions } from "../types.js";
import {
  serializeError,
  type SerializedError,
  type FromThread,
  type KnowledgeMethod,
  type KnowledgeThreadData,
  type ToThread,
} from "./protocol.js";

const ENTRY = new URL("./thread-entry.js", import.meta.url);

/**
 * An error from the thread; the knowledge service's own errors keep their class. Their module (with
 * the vector store behind it) is loaded only then: this thread never searches.
 */
async function revive(error: SerializedError): Promise<Error> {
  let prototype: Error = Error.prototype;
  if (error.name === "IndexMismatchError" || error.name === "MissingIndexError") {
    const { IndexMismatchError, MissingIndexError } = await import("../ingest/index-files.js");
    prototype = (error.name === "IndexMismatchError" ? IndexMismatchError : MissingIndexError).prototype;
  }
  return Object.assign(Object.create(prototype) as Error, error);
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export interface KnowledgeThread extends KnowledgeService {
  /** False once the thread has stopped (failed or closed): no question can be answered any more. */
  running(): boolean;
  /** Waits for the answers in flight, then ends the thread. */
  close(): Promise<void>;
}

/**
 * The knowledge service run on a worker thread (knowledge-worker.ts): retrieval and answer composition
 * (a few milliseconds of CPU per question) leave the event loop that accepts connections, runs the bot
 * and talks to the database, and can use the second core. The index is built if needed and loaded there
 * only. Officers' FAQ entries are read through `options.faqs` here, on the thread holding the database;
 * the thread's log lines go to `options.logger`. Resolves once the index is loaded; a start failure
 * (e.g. `IndexMismatchError`) rejects with the service's own error.
 */
export async function startKnowledgeThread(options: KnowledgeOptions): Promise<KnowledgeThread> {
  const { logger, faqs, dataDir, indexDir, knowledgeDir, openai } = options;
  const workerData: KnowledgeThreadData = {
    options: { dataDir, indexDir, knowledgeDir, openai },
    faqs: !!faqs,
    faqMaxAgeMs: faqs?.maxAgeMs,
  };
  const worker = new Worker(ENTRY, { workerData });
  const pending = new Map<number, Pending>();
  let lastId = 0;
  let stopped: Error | undefined;
  const send = (message: ToThread) => worker.postMessage(message);

  async function readFaqs(id: number): Promise<void> {
    try {
      send({ faqReply: id, entries: await faqs!.load() });
    } catch (error) {
      send({ faqReply: id, error: serializeError(error) });
    }
  }

  /** The thread could not start: its own error (revived) rejects the start, not the exit that follows. */
  let startFailed = false;
  const ready = new Promise<void>((resolve, reject) => {
    worker.on("message", (message: FromThread) => {
      if ("ready" in message) return resolve();
      if ("startError" in message) {
        startFailed = true;
        return void revive(message.startError).then(reject);
      }
      if ("faqRequest" in message) return void readFaqs(message.faqRequest);
      if ("log" in message) return logger?.[message.log](message.obj, message.msg);
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) void revive(message.error).then((error) => call?.reject(error));
      else call?.resolve(message.result);
    });
    const fail = (error: Error) => {
      // Not after close() (ended on purpose) nor a failed start (the start reports it). /readyz says so too.
      if (!stopped && !startFailed)
        logger?.error({ err: error }, "the knowledge thread stopped; questions cannot be answered");
      stopped ??= error;
      if (startFailed) return;
      reject(error);
      for (const call of pending.values()) call.reject(error);
      pending.clear();
    };
    worker.on("error", (error) => fail(new Error(`The knowledge thread failed: ${error.message}`, { cause: error })));
    worker.on("exit", (code) => fail(new Error(`The knowledge thread stopped (exit code ${code}).`)));
  });

  const inFlight = new Set<Promise<unknown>>();
  function call<M extends KnowledgeMethod>(
    method: M,
    ...args: Parameters<KnowledgeService[M]>
  ): ReturnType<KnowledgeService[M]> {
    if (stopped) return Promise.reject(stopped) as ReturnType<KnowledgeService[M]>;
    lastId += 1;
    const id = lastId;
    const result = new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      send({ id, method, args });
    });
    inFlight.add(result);
    const forget = () => inFlight.delete(result);
    result.then(forget, forget);
    return result as ReturnType<KnowledgeService[M]>;
  }

  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return {
    answer: (question) => call("answer", question),
    section: (sectionId) => call("section", sectionId),
    topics: () => call("topics"),
    sectionsOfTopic: (topicId) => call("sectionsOfTopic", topicId),
    refresh: () => call("refresh"),
    running: () => !stopped,
    async close() {
      await Promise.allSettled([...inFlight]);
      stopped ??= new Error("The knowledge service is stopped.");
      await worker.terminate();
    },
  };
}
