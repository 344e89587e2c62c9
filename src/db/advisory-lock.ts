import pg from "pg";
import type { ChatLock } from "../bot/chat-lock.js";
import { keyedMutex } from "../lib/keyed-mutex.js";
import { metrics } from "../metrics.js";

/** First half of every advisory lock key of ours; the second is hashtext(key). */
const LOCK_SPACE = 0x48_54_58; // "HTX"

/**
 * Per-key locks shared by every instance on one PostgreSQL server: session-level advisory locks,
 * each held on its own connection from a pool separate from Prisma's, so a handler holding a lock
 * still gets connections for its queries (one pool would deadlock once every connection held a
 * lock). A crashed instance's connections close, which frees its locks. Tasks of one process queue
 * in memory first, so a process waits on at most one connection per key.
 */
export function advisoryLocks(
  url: string,
  options: { maxConnections?: number } = {},
): ChatLock & { close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 20 });
  // An idle pooled connection that the server drops must not crash the process.
  pool.on("error", () => undefined);
  const local = keyedMutex();

  const listened = new WeakSet<pg.PoolClient>();

  async function holding<T>(sql: string, key: string, task: (locked: boolean) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    // A connection cut by the server (restart, outage) emits an error on the client too; the query
    // in progress fails with it, which is what the caller sees, so the event is only consumed here.
    if (!listened.has(client)) {
      client.on("error", () => undefined);
      listened.add(client);
    }
    let broken: Error | undefined;
    const query = <R extends pg.QueryResultRow>(text: string) => {
      metrics.database.statement(text);
      return client.query<R>(text, [LOCK_SPACE, key]);
    };
    try {
      const locked = await query<{ locked?: boolean }>(sql).then(
        ({ rows }) => rows[0]?.locked !== false,
        (error: Error) => {
          broken = error;
          throw error;
        },
      );
      try {
        return await task(locked);
      } finally {
        if (locked)
          await query("SELECT pg_advisory_unlock($1, hashtext($2))").catch((error: Error) => (broken = error));
      }
    } finally {
      // A connection whose lock query failed may be in any state, and one whose unlock failed may
      // still hold the lock: it is closed, not reused.
      client.release(broken);
    }
  }

  return {
    crossInstance: true,
    run: (key, task) => local(key, () => holding("SELECT pg_advisory_lock($1, hashtext($2))", key, () => task())),
    tryRun: (key, task) =>
      holding("SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked", key, async (locked) => {
        if (locked) await task();
        return locked;
      }),
    close: () => pool.end(),
  };
}
