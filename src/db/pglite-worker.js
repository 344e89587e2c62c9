// The embedded database's own thread: PGlite (PostgreSQL compiled to WebAssembly) and its Prisma
// driver adapter run here, so a query never blocks the event loop that accepts HTTP connections and
// runs the bot. src/db/pglite-thread.ts is the other end. Plain JavaScript because a worker thread
// does not inherit the TypeScript loader (tsx, vitest) of the thread that started it.
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, types } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

/** Errors cross the thread boundary as data; the adapter's mapped errors keep their Prisma payload. */
function serializeError(error) {
  if (error?.name === "DriverAdapterError") return { adapterCause: error.cause };
  return { message: error instanceof Error ? error.message : String(error), stack: error?.stack };
}

// PostgreSQL's default 128 MB of shared buffers are all touched at start, in this process's memory;
// our tables are small and the operating system caches their files anyway.
const SHARED_BUFFERS = "8MB";

let pglite;
try {
  // One options object: PGlite ignores the second argument when the first (the directory) is undefined.
  pglite = new PGlite({
    dataDir: workerData.dataDir,
    startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${SHARED_BUFFERS}`],
    ...(workerData.dump ? { loadDataDir: new Blob([readFileSync(workerData.dump)]) } : {}),
  });
  await pglite.waitReady;
} catch (error) {
  parentPort.postMessage({ startError: serializeError(error) });
  process.exit(1);
}
if (workerData.initOnly) {
  // Only creating a new data directory (see pglite-thread.ts): the thread is ended after this.
  await pglite.close();
  parentPort.postMessage({ ready: true });
} else {
  await serve(pglite);
}

/**
 * The PGlite calls the Prisma adapter makes, with every result parser looked up without a per-query
 * copy. PGlite merges its own parsers (the defaults plus one per array type, about two hundred
 * entries keyed by type OID) and the query's into a new object for every query; as dictionary-mode
 * objects that copy took about a fifth of this thread's busy time. A type missing from the merged
 * object falls back to the module's default parsers (`types.parsers`), so the same parsers go there,
 * the adapter's last (the query's parsers won the merge); the instance keeps its own parsers only as
 * the prototype of an empty object, which its array parsers still read element parsers through.
 */
function parsersMergedOnce(db) {
  const own = db.parsers;
  db.parsers = Object.create(own);
  Object.assign(types.parsers, own);
  let installed;
  function install(parsers) {
    if (parsers === installed || parsers === undefined) return;
    if (installed !== undefined) throw new Error("the Prisma adapter passed a second set of result parsers");
    Object.assign(types.parsers, parsers);
    installed = parsers;
  }
  const query =
    (target) =>
    (sql, params, { parsers, ...options } = {}) => {
      install(parsers);
      return target.query(sql, params, options);
    };
  return {
    query: query(db),
    exec: (sql, options) => db.exec(sql, options),
    transaction: (callback) => db.transaction((tx) => callback(Object.create(tx, { query: { value: query(tx) } }))),
  };
}

async function serve(db) {
  const adapter = await new PrismaPGlite(parsersMergedOnce(db)).connect();
  const transactions = new Map();
  let lastTransactionId = 0;

  function queryable(tx) {
    if (tx === undefined) return adapter;
    const transaction = transactions.get(tx);
    if (!transaction) throw new Error(`transaction ${tx} is not open`);
    return transaction;
  }

  async function finish(tx, how) {
    const transaction = queryable(tx);
    transactions.delete(tx);
    await transaction[how]();
  }

  const operations = {
    queryRaw: ({ tx, query }) => queryable(tx).queryRaw(query),
    executeRaw: ({ tx, query }) => queryable(tx).executeRaw(query),
    executeScript: ({ script }) => adapter.executeScript(script),
    async startTransaction({ isolationLevel }) {
      const transaction = await adapter.startTransaction(isolationLevel);
      lastTransactionId += 1;
      transactions.set(lastTransactionId, transaction);
      return { tx: lastTransactionId, options: transaction.options };
    },
    commit: ({ tx }) => finish(tx, "commit"),
    rollback: ({ tx }) => finish(tx, "rollback"),
    close: () => db.close(),
  };

  parentPort.on("message", async ({ id, op, ...args }) => {
    try {
      parentPort.postMessage({ id, result: await operations[op](args) });
    } catch (error) {
      parentPort.postMessage({ id, error: serializeError(error) });
    }
  });
  parentPort.postMessage({ ready: true });
}
