import type { Logger } from "../../logger.js";
import { parseZaloUpdate, type ZaloBotApi, type ZaloIncoming } from "./wire.js";

const MAX_BACKOFF_MS = 30_000;

/**
 * Long polling: getUpdates returns one update at a time, or nothing (408) after `timeoutSeconds`.
 * Each update is handed on without waiting for the previous one (the channel keeps each chat in
 * order); a failing poll backs off. A webhook left from an earlier deployment blocks getUpdates, so it
 * is removed first.
 */
export async function startZaloPolling(options: {
  api: ZaloBotApi;
  handle: (incoming: ZaloIncoming, unknownFields: string[]) => Promise<void>;
  logger: Logger;
  timeoutSeconds: number;
}): Promise<{ stop(): Promise<void> }> {
  const { api, logger } = options;
  await api.deleteWebhook();
  const abort = new AbortController();
  const inFlight = new Set<Promise<void>>();
  let failures = 0;

  const loop = (async () => {
    while (!abort.signal.aborted) {
      let raw: unknown;
      try {
        raw = await api.getUpdates(options.timeoutSeconds, abort.signal);
        failures = 0;
      } catch (error) {
        if (abort.signal.aborted) break;
        failures++;
        const delay = Math.min(1000 * 2 ** (failures - 1), MAX_BACKOFF_MS);
        logger.warn({ err: { message: (error as Error).message }, retryInMs: delay }, "zalo getUpdates failed");
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          abort.signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
        });
        continue;
      }
      if (raw === undefined) continue;
      const unknownFields: string[] = [];
      const parsed = parseZaloUpdate(raw, unknownFields);
      if (!parsed.ok) {
        logger.warn({ reason: parsed.reason }, "zalo update ignored");
        continue;
      }
      const task = options
        .handle(parsed.incoming, unknownFields)
        .catch((error: Error) =>
          logger.error({ err: { message: error.message, stack: error.stack } }, "zalo update failed"),
        )
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
    }
  })();

  return {
    async stop() {
      abort.abort();
      await loop;
      await Promise.all(inFlight);
    },
  };
}
