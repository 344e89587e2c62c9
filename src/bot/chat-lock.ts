import { keyedMutex } from "../lib/keyed-mutex.js";

/**
 * One update per chat at a time. `run` holds the chat's lock while the task runs; `tryRun` runs a
 * task only if nobody holds its lock (maintenance: one instance at a time) and says whether it ran.
 * `crossInstance` is true when the lock also excludes other processes (PostgreSQL advisory locks),
 * not only other tasks of this process.
 */
export interface ChatLock {
  readonly crossInstance: boolean;
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  tryRun(key: string, task: () => Promise<void>): Promise<boolean>;
}

/**
 * For one process on the embedded database (the pid lock keeps it to one): an in-memory mutex per
 * key. A process-local lock still counts as cross-instance there, since no other instance exists.
 */
export function processChatLock(options: { onlyInstance: boolean }): ChatLock {
  const exclusive = keyedMutex();
  const busy = new Set<string>();
  return {
    crossInstance: options.onlyInstance,
    run: (key, task) => exclusive(key, task),
    async tryRun(key, task) {
      if (busy.has(key)) return false;
      busy.add(key);
      try {
        await task();
        return true;
      } finally {
        busy.delete(key);
      }
    },
  };
}

/** For a caller that already holds the chat's lock (the web chat takes it around the whole input). */
export const heldByCaller = (lock: ChatLock): ChatLock => ({
  crossInstance: lock.crossInstance,
  run: (_key, task) => task(),
  tryRun: lock.tryRun,
});
