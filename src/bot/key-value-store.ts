import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Where sessions and conversation state live. The bot only needs three operations; the database
 * implementation sits in src/db so a restart in the middle of a flow continues where the farmer was.
 */
export interface KeyValueStore {
  read(key: string): Promise<unknown>;
  write(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/** A write held back until its update is committed (`value` undefined: delete the key). */
export type StateWrite = { key: string; value: unknown };

/** For unit tests of the bot: same contract, no persistence across processes. */
export function memoryKeyValueStore(): KeyValueStore & { keys(): string[] } {
  const map = new Map<string, string>();
  return {
    async read(key) {
      const raw = map.get(key);
      return raw === undefined ? undefined : JSON.parse(raw);
    },
    async write(key, value) {
      map.set(key, JSON.stringify(value));
    },
    async delete(key) {
      map.delete(key);
    },
    keys: () => [...map.keys()],
  };
}

/** Applies held writes one by one: for stores without transactions (tests). */
export async function applyWrites(store: KeyValueStore, writes: StateWrite[]): Promise<void> {
  for (const { key, value } of writes) await (value === undefined ? store.delete(key) : store.write(key, value));
}

/** What one update in progress has read ahead and written so far (see deferredWrites). */
interface UpdateState {
  writes: Map<string, unknown>;
  /** Read ahead with the update's claim; each is handed out once, a later read of the key goes to the store. */
  prefetched: Map<string, unknown>;
  /** The stored JSON of each key read, so writing back an unchanged value costs nothing. */
  stored: Map<string, string | undefined>;
}

const asJson = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));

/**
 * Holds the state writes of the update being processed (sessions, conversations) in memory, so
 * they can be committed together with the update's "done" mark. Reads see the held writes first.
 * Outside `collect` (no update in progress) writes go straight to the store.
 */
export function deferredWrites(store: KeyValueStore) {
  const current = new AsyncLocalStorage<UpdateState>();
  // grammY writes the session back after every update: only a value that differs from the stored
  // one (or from an earlier write of this update) needs to reach the database.
  const unchanged = (update: UpdateState, key: string, json: string | undefined) =>
    !update.writes.has(key) && update.stored.has(key) && update.stored.get(key) === json;
  const view: KeyValueStore = {
    async read(key) {
      const update = current.getStore();
      if (!update) return store.read(key);
      if (update.writes.has(key)) return update.writes.get(key);
      let value: unknown;
      if (update.prefetched.has(key)) {
        value = update.prefetched.get(key);
        update.prefetched.delete(key);
      } else value = await store.read(key);
      update.stored.set(key, asJson(value));
      return value;
    },
    async write(key, value) {
      const update = current.getStore();
      if (!update) return store.write(key, value);
      const json = JSON.stringify(value);
      if (!unchanged(update, key, json)) update.writes.set(key, JSON.parse(json) as unknown);
    },
    async delete(key) {
      const update = current.getStore();
      if (!update) return store.delete(key);
      if (!unchanged(update, key, undefined)) update.writes.set(key, undefined);
    },
  };
  return {
    store: view,
    /**
     * Runs `task` with its writes held back; returns them for the caller to commit. `readAhead`: the
     * values of keys the task is about to read (its chat's session and conversation state), read
     * already; each is handed out once.
     */
    async collect(task: () => Promise<void>, readAhead = new Map<string, unknown>()): Promise<StateWrite[]> {
      const update: UpdateState = { writes: new Map(), prefetched: new Map(readAhead), stored: new Map() };
      await current.run(update, task);
      return [...update.writes].map(([key, value]) => ({ key, value }));
    },
  };
}
