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

/**
 * Holds the state writes of the update being processed (sessions, conversations) in memory, so
 * they can be committed together with the update's "done" mark. Reads see the held writes first.
 * Outside `collect` (no update in progress) writes go straight to the store.
 */
export function deferredWrites(store: KeyValueStore) {
  const current = new AsyncLocalStorage<Map<string, unknown>>();
  const view: KeyValueStore = {
    async read(key) {
      const held = current.getStore();
      if (held?.has(key)) return held.get(key);
      return store.read(key);
    },
    async write(key, value) {
      const held = current.getStore();
      if (held) held.set(key, JSON.parse(JSON.stringify(value)) as unknown);
      else await store.write(key, value);
    },
    async delete(key) {
      const held = current.getStore();
      if (held) held.set(key, undefined);
      else await store.delete(key);
    },
  };
  return {
    store: view,
    /** Runs `task` with its writes held back; returns them for the caller to commit. */
    async collect(task: () => Promise<void>): Promise<StateWrite[]> {
      const held = new Map<string, unknown>();
      await current.run(held, task);
      return [...held].map(([key, value]) => ({ key, value }));
    },
  };
}
