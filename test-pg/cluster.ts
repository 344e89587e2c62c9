import { startAppProcess, tempDataDir } from "../test/support/app-process.js";
import { withSharedIndex } from "../test/support/prepared-start.js";
import type { FakeTelegram } from "../test/support/fake-telegram-server.js";
import { SECRET, telegramWebhookEnv } from "../test/support/telegram-env.js";

/** Starting takes seconds, or minutes on a loaded CI machine. */
export const START_MS = 300_000;

type Instance = { app: ReturnType<typeof startAppProcess>; base: string; alive: boolean };

/**
 * Bot instances on one PostgreSQL database in webhook mode, and a deliverer that behaves like
 * Telegram in front of a load balancer: each update goes to one instance (or the one asked for),
 * and one not acknowledged with a 200 (instance killed, connection reset, 5xx) is sent again to
 * an instance that is up, until it is.
 */
export async function startCluster(options: {
  databaseUrl: string;
  telegram: FakeTelegram;
  instances: number;
  env?: Record<string, string>;
}) {
  const env = withSharedIndex({
    DATABASE_URL: options.databaseUrl,
    ...telegramWebhookEnv(options.telegram.apiRoot),
    LOG_LEVEL: "warn",
    ...options.env,
  });
  const instances: Instance[] = [];
  // One after the other: the first migrates, the others find the schema current.
  for (let i = 0; i < options.instances; i++) {
    const app = startAppProcess({ ...env, DATA_DIR: tempDataDir() });
    const base = (await app.waitForOutput(/listening on (http:\/\/\S+)/, START_MS))[1]!;
    instances.push({ app, base, alive: true });
  }
  let failedAttempts = 0;

  let lastFailure = "";
  async function post(instance: Instance, update: unknown): Promise<boolean> {
    try {
      const response = await fetch(`${instance.base}/telegram/hook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify(update),
      });
      const body = await response.text();
      if (!response.ok) lastFailure = `${response.status} ${body.slice(0, 200)}`;
      return response.ok;
    } catch (error) {
      lastFailure = (error as Error).message;
      return false;
    }
  }

  return {
    instances,
    /** Deliveries that were not acknowledged and had to be sent again. */
    failedAttempts: () => failedAttempts,
    /** Delivers until acknowledged; `to` picks the instance of the first attempt. */
    async deliver(update: unknown, to?: number): Promise<void> {
      for (let attempt = 0; attempt < 300; attempt++) {
        const up = instances.filter((i) => i.alive);
        const first = to !== undefined && attempt === 0 ? instances[to]! : up[Math.floor(Math.random() * up.length)]!;
        if (await post(first, update)) return;
        failedAttempts++;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(
        `update never acknowledged (last: ${lastFailure}); instances said:\n${instances.map((i) => i.app.output().slice(-3000)).join("\n---\n")}`,
      );
    },
    async kill(index: number) {
      instances[index]!.alive = false;
      await instances[index]!.app.kill();
    },
    output: () => instances.map((i) => i.app.output()).join("\n"),
    async stop() {
      await Promise.all(instances.map((i) => i.app.stop()));
    },
  };
}

export type Cluster = Awaited<ReturnType<typeof startCluster>>;

/** Runs tasks with at most `limit` at a time. */
export async function inParallel<T>(
  items: T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** A small seeded random generator, so a failing run can be repeated. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    int: (n: number) => Math.floor(next() * n),
  };
}
