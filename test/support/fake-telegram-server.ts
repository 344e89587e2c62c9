import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { callRecorder } from "./call-recorder.js";

/**
 * A local stand-in for the Telegram Bot API over real HTTP, for end-to-end tests of the real bot
 * process (pointed here with TELEGRAM_API_ROOT). getUpdates honours offset and long-poll timeout like
 * Telegram; the bot's outgoing calls are recorded so tests can wait for them.
 */
export interface RecordedCall {
  method: string;
  token: string;
  payload: Record<string, unknown>;
}

export interface FakeTelegramOptions {
  /** Like Telegram's flood control: more than this many sendMessage calls within one second get 429 + retry_after. */
  messagesPerSecond?: number;
  /** Chats that blocked the bot: sendMessage to them gets 403 "bot was blocked by the user". */
  blocked?: (chatId: string) => boolean;
}

export async function startFakeTelegram(options: FakeTelegramOptions = {}) {
  const updates: Array<{ update_id: number } & Record<string, unknown>> = [];
  const recorder = callRecorder<RecordedCall>("fake Telegram", (call) => call.method);
  const calls = recorder.entries;
  const pollers = new Set<() => void>();
  const holds = new Set<(call: RecordedCall) => boolean>();
  const parked: Array<() => void> = [];
  let nextMessageId = 500;
  /** Times of the sendMessage calls accepted in the last second, and how many were refused with 429. */
  const recentSends: number[] = [];
  let refused = 0;

  /** A refusal as Telegram sends it, or undefined when the message may go out. */
  function floodOrBlocked(payload: Record<string, unknown>): { status: number; body: unknown } | undefined {
    const at = Date.now();
    while (recentSends.length > 0 && recentSends[0]! <= at - 1000) recentSends.shift();
    if (options.messagesPerSecond !== undefined && recentSends.length >= options.messagesPerSecond) {
      refused++;
      return {
        status: 429,
        body: {
          ok: false,
          error_code: 429,
          description: "Too Many Requests: retry after 1",
          parameters: { retry_after: 1 },
        },
      };
    }
    recentSends.push(at);
    if (options.blocked?.(String(payload.chat_id)))
      return {
        status: 403,
        body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
      };
    return undefined;
  }

  const botInfo = {
    id: 777,
    is_bot: true,
    first_name: "Trợ lý HTX (test)",
    username: "htx_test_bot",
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  };

  function pending(offset: number) {
    return updates.filter((u) => u.update_id >= offset);
  }

  async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    if (!raw) return {};
    if ((req.headers["content-type"] ?? "").includes("application/json"))
      return JSON.parse(raw) as Record<string, unknown>;
    return Object.fromEntries(new URLSearchParams(raw));
  }

  async function getUpdates(payload: Record<string, unknown>): Promise<unknown[]> {
    const offset = Number(payload.offset ?? 0);
    // Confirming an offset forgets earlier updates, as Telegram does.
    for (let i = updates.length - 1; i >= 0; i--) if (updates[i]!.update_id < offset) updates.splice(i, 1);
    const timeoutMs = Math.min(Number(payload.timeout ?? 0), 30) * 1000;
    if (pending(offset).length === 0 && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          pollers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, timeoutMs);
        pollers.add(wake);
      });
    }
    return pending(offset).slice(0, Number(payload.limit ?? 100));
  }

  const server: Server = createServer(async (req, res) => {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (!match) return reply(404, { ok: false, error_code: 404, description: "Not Found" });
    const [, token, method] = match as unknown as [string, string, string];
    const payload = await readBody(req);
    const refusal = method === "sendMessage" ? floodOrBlocked(payload) : undefined;
    if (refusal) return reply(refusal.status, refusal.body);
    if (method !== "getUpdates") {
      const call = { method, token, payload };
      recorder.record(call);
      // A held call gets its answer only when released: the bot stays in the middle of that update.
      if ([...holds].some((held) => held(call))) await new Promise<void>((resolve) => parked.push(resolve));
    }
    switch (method) {
      case "getMe":
        return reply(200, { ok: true, result: botInfo });
      case "getUpdates":
        return reply(200, { ok: true, result: await getUpdates(payload) });
      case "sendMessage":
        return reply(200, {
          ok: true,
          result: {
            message_id: ++nextMessageId,
            date: Math.floor(Date.now() / 1000),
            chat: { id: Number(payload.chat_id), type: "private" },
            from: botInfo,
            text: payload.text,
            reply_markup: payload.reply_markup,
          },
        });
      case "editMessageText":
      case "editMessageReplyMarkup":
        return reply(200, {
          ok: true,
          result: {
            message_id: Number(payload.message_id),
            date: 0,
            chat: { id: Number(payload.chat_id), type: "private" },
            text: payload.text ?? "",
          },
        });
      default:
        return reply(200, { ok: true, result: true });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    /** Accepted calls (not the ones refused with 429 or 403). */
    calls,
    http429: () => refused,
    /** Queues an update for the next getUpdates; pushing the same update twice simulates a redelivery. */
    push(update: { update_id: number } & Record<string, unknown>) {
      updates.push(update);
      for (const wake of [...pollers]) wake();
    },
    /**
     * Matching calls from now on are recorded but not answered until the returned release is called
     * (a crash test kills the bot meanwhile, a shutdown test stops it).
     */
    hold(predicate: (call: RecordedCall) => boolean) {
      holds.add(predicate);
      return () => {
        holds.delete(predicate);
        for (const answer of parked.splice(0)) answer();
      };
    },
    /** Resolves with the first call (already made or future) that matches, or rejects after `ms`. */
    waitFor: (predicate: (call: RecordedCall) => boolean, ms = 120_000, after = 0) =>
      recorder.waitFor(predicate, ms, after),
    async close() {
      for (const wake of [...pollers]) wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeTelegram = Awaited<ReturnType<typeof startFakeTelegram>>;
