import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { startApp } from "../../src/app.js";
import { tempDataDir } from "./app-process.js";
import { migratedMemoryDatabaseUrl, withSharedIndex } from "./prepared-start.js";

/**
 * The real app in this process on an in-memory copy of the run's migrated database and a free port,
 * fast enough for many tests; it loads the run's knowledge index (see `withSharedIndex`).
 */
export async function startTestApp(env: Record<string, string> = {}) {
  const config = loadConfig({
    DATA_DIR: tempDataDir(),
    DATABASE_URL: migratedMemoryDatabaseUrl(),
    PORT: "0",
    LOG_LEVEL: "silent",
    ...withSharedIndex(env),
  });
  const app = await startApp(config, createLogger("silent"));
  return app;
}

/** Talks to the web chat JSON API the way the page does. */
export function webChatClient(baseUrl: string, session: string) {
  let lastSeq = 0;
  const post = async (body: Record<string, unknown>) => {
    const response = await fetch(`${baseUrl}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ session, ...body }),
    });
    const data = (await response.json()) as { messages?: WebMessage[]; error?: string };
    for (const m of data.messages ?? []) lastSeq = Math.max(lastSeq, m.seq);
    return { status: response.status, ...data };
  };
  return {
    say: (text: string, clientId?: string) => post({ text, ...(clientId ? { clientId } : {}) }),
    press: (button: string, messageId: number) => post({ button, messageId }),
    post,
    history: async (after = 0) =>
      (
        (await (await fetch(`${baseUrl}/api/chat/history?session=${session}&after=${after}`)).json()) as {
          messages: WebMessage[];
        }
      ).messages,
    lastSeq: () => lastSeq,
  };
}

export interface WebMessage {
  seq: number;
  messageId: number;
  fromBot: boolean;
  text: string;
  buttons: { text: string; data: string }[][];
  edited: boolean;
}
