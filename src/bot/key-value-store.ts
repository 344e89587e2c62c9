/**
 * Where sessions and conversation state live. The bot only needs three operations; the database
 * implementation sits in src/db so a restart in the middle of a flow continues where the farmer was.
 */
export interface KeyValueStore {
  read(key: string): Promise<unknown>;
  write(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

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
