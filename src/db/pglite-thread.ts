import { existsSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type Transaction,
} from "@prisma/driver-adapter-utils";

type SerializedError = { adapterCause: DriverAdapterError["cause"] } | { message: string; stack?: string };

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

const ADAPTER_NAME = "pglite-prisma-adapter";
const WORKER_FILE = new URL("./pglite-worker.js", import.meta.url);

function toError(error: SerializedError): Error {
  if ("adapterCause" in error) return new DriverAdapterError(error.adapterCause);
  return Object.assign(new Error(error.message), { stack: error.stack });
}

/**
 * PGlite on its own worker thread behind a Prisma driver adapter: the WebAssembly database (about
 * half of the busy time of a loaded instance) no longer runs on the event loop that accepts
 * connections and runs the bot. Queries and transactions are forwarded to src/db/pglite-worker.js,
 * which runs the same `pglite-prisma-adapter` as before; results and errors come back as data.
 * `dataDir` undefined keeps the database in memory, starting from the `dump` file (PGlite's
 * `dumpDataDir`) when one is given.
 */
export async function startPGliteThread(
  dataDir: string | undefined,
  dump?: string,
): Promise<{ adapter: SqlDriverAdapterFactory; close(): Promise<void> }> {
  if (dataDir !== undefined && !existsSync(join(dataDir, "PG_VERSION"))) await createDataDir(dataDir);
  const worker = new Worker(WORKER_FILE, { workerData: { dataDir, dump } });
  const pending = new Map<number, Pending>();
  let lastId = 0;
  let stopped: Error | undefined;

  const ready = new Promise<void>((resolve, reject) => {
    worker.on(
      "message",
      (message: {
        ready?: true;
        startError?: SerializedError;
        id?: number;
        result?: unknown;
        error?: SerializedError;
      }) => {
        if (message.ready) return resolve();
        if (message.startError) return reject(toError(message.startError));
        const call = pending.get(message.id!);
        pending.delete(message.id!);
        if (message.error) call?.reject(toError(message.error));
        else call?.resolve(message.result);
      },
    );
    const fail = (error: Error) => {
      stopped = error;
      reject(error);
      for (const call of pending.values()) call.reject(error);
      pending.clear();
    };
    worker.on("error", (error) =>
      fail(new Error(`The embedded database thread failed: ${error.message}`, { cause: error })),
    );
    worker.on("exit", (code) => fail(new Error(`The embedded database thread stopped (exit code ${code}).`)));
  });

  function call<T>(op: string, args: object = {}): Promise<T> {
    if (stopped) return Promise.reject(stopped);
    lastId += 1;
    const id = lastId;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, op, ...args });
    });
  }

  const queryable = (tx?: number) => ({
    provider: "postgres" as const,
    adapterName: ADAPTER_NAME,
    queryRaw: (query: SqlQuery) => call<Awaited<ReturnType<SqlDriverAdapter["queryRaw"]>>>("queryRaw", { tx, query }),
    executeRaw: (query: SqlQuery) => call<number>("executeRaw", { tx, query }),
  });

  const adapter: SqlDriverAdapter = {
    ...queryable(),
    executeScript: (script) => call<void>("executeScript", { script }),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      const { tx, options } = await call<{ tx: number; options: Transaction["options"] }>("startTransaction", {
        isolationLevel,
      });
      return {
        ...queryable(tx),
        options,
        commit: () => call<void>("commit", { tx }),
        rollback: () => call<void>("rollback", { tx }),
      };
    },
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  };

  await ready;
  return {
    adapter: { provider: "postgres", adapterName: ADAPTER_NAME, connect: async () => adapter },
    async close() {
      await call("close");
      await worker.terminate();
    },
  };
}

/**
 * Creating a data directory (initdb) leaves about half a gigabyte of WebAssembly memory behind that
 * is never reused; done on a thread of its own, that memory goes back to the system with the thread.
 */
async function createDataDir(dataDir: string): Promise<void> {
  const worker = new Worker(WORKER_FILE, { workerData: { dataDir, initOnly: true } });
  try {
    const [message] = (await once(worker, "message")) as [{ ready?: true; startError?: SerializedError }];
    if (message.startError) throw toError(message.startError);
  } finally {
    await worker.terminate();
  }
}
