/**
 * What a fake API server saw, in order, and waiting for a matching entry: the one recorder of
 * every fake (Telegram Bot API, Zalo Bot Platform, Zalo OA).
 */
export function callRecorder<T>(fakeName: string, describe: (entry: T) => string) {
  const entries: T[] = [];
  const waiters = new Set<{ predicate: (entry: T) => boolean; resolve: (entry: T) => void }>();
  return {
    entries,
    record(entry: T): void {
      entries.push(entry);
      for (const waiter of waiters) {
        if (waiter.predicate(entry)) {
          waiters.delete(waiter);
          waiter.resolve(entry);
        }
      }
    },
    /** Resolves with the first entry (already recorded after index `after`, or future) that matches; rejects after `ms`. */
    waitFor(predicate: (entry: T) => boolean, ms: number, after = 0): Promise<T> {
      const done = entries.slice(after).find(predicate);
      if (done) return Promise.resolve(done);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve };
        waiters.add(waiter);
        setTimeout(() => {
          if (waiters.delete(waiter))
            reject(
              new Error(`${fakeName}: nothing matching within ${ms} ms; seen: ${entries.map(describe).join(", ")}`),
            );
        }, ms).unref();
      });
    },
  };
}
