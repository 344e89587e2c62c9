import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { callRecorder } from "./call-recorder.js";

/**
 * A local stand-in for the Zalo Bot Platform over real HTTP (the app is pointed here with
 * ZALO_API_ROOT). Like Zalo: every call is `POST /bot<TOKEN>/<method>` with JSON; getUpdates long-polls
 * for its `timeout` (seconds, as a string) and returns ONE update, or `408 Request timeout` when
 * nothing arrived, and refuses while a webhook is set; sendMessage takes 1-2000 characters. With a
 * webhook set, `deliver` POSTs an update to it with the secret header. `GET /files/<name>` serves
 * voice files put with `putFile`.
 */
export interface ZaloCall {
  method: string;
  token: string;
  payload: Record<string, unknown>;
}

export interface ZaloMessageInput {
  messageId: string;
  userId: string;
  event?: string;
  text?: string;
  voice?: string;
  name?: string;
}

/** A getUpdates/webhook update, in Zalo's shape. */
export function zaloUpdate(input: ZaloMessageInput): Record<string, unknown> {
  const event = input.event ?? (input.voice ? "message.voice.received" : "message.text.received");
  return {
    event_name: event,
    message: {
      message_id: input.messageId,
      date: Date.now(),
      from: { id: input.userId, display_name: input.name ?? "Chú Tư", is_bot: false },
      chat: { id: input.userId, chat_type: "PRIVATE" },
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(input.voice !== undefined ? { voice: input.voice } : {}),
    },
  };
}

export interface FakeZaloBotOptions {
  /**
   * Users who blocked the bot (or whom the bot may not write to): sendMessage to them is refused with
   * 403, the Bot API's refusal in the Telegram-like shape it uses.
   */
  blocked?: (chatId: string) => boolean;
}

export async function startFakeZaloBot(token: string, options: FakeZaloBotOptions = {}) {
  const queue: Record<string, unknown>[] = [];
  const recorder = callRecorder<ZaloCall>("fake Zalo", (call) => call.method);
  const calls = recorder.entries;
  const pollers = new Set<() => void>();
  const files = new Map<string, Buffer>();
  let webhook: { url: string; secret: string } | undefined;
  let nextMessageId = 1;
  /** getUpdates answered 408 (nothing arrived) so far. */
  let emptyPolls = 0;

  async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }

  async function nextUpdate(timeoutSeconds: number): Promise<Record<string, unknown> | undefined> {
    if (queue.length === 0 && timeoutSeconds > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          pollers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, timeoutSeconds * 1000);
        pollers.add(wake);
      });
    }
    return queue.shift();
  }

  const server: Server = createServer(async (req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const refuse = (code: number, description: string) => reply(code, { ok: false, error_code: code, description });
    const file = /^\/files\/([\w.-]+)$/.exec(req.url ?? "");
    if (req.method === "GET" && file) {
      const bytes = files.get(file[1]!);
      if (!bytes) return refuse(404, "Not Found");
      res.writeHead(200, { "content-type": "audio/aac" });
      return res.end(bytes);
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    if (req.method !== "POST" || !match) return refuse(404, "Not Found");
    const [, given, method] = match as unknown as [string, string, string];
    const payload = await readJson(req);
    if (!payload) return refuse(400, "Bad Request: invalid JSON");
    if (given !== token) return refuse(401, "Unauthorized");
    if (method !== "getUpdates") recorder.record({ method, token: given, payload });
    switch (method) {
      case "getMe":
        return reply(200, {
          ok: true,
          result: { id: "8123", account_name: "tro_ly_htx", account_type: "BASIC", can_join_groups: false },
        });
      case "getUpdates": {
        if (webhook) return refuse(400, "Bad Request: webhook is active, delete it before polling");
        const update = await nextUpdate(Number(payload.timeout ?? 30));
        if (!update) {
          emptyPolls++;
          return refuse(408, "Request timeout");
        }
        return reply(200, { ok: true, result: update });
      }
      case "sendMessage": {
        const text = payload.text;
        if (typeof payload.chat_id !== "string" || payload.chat_id === "")
          return refuse(400, "Bad Request: chat_id is required");
        if (typeof text !== "string" || text.length < 1 || text.length > 2000)
          return refuse(400, "Bad Request: text must be 1-2000 characters");
        if (options.blocked?.(payload.chat_id)) return refuse(403, "Forbidden: the user has blocked the bot");
        return reply(200, { ok: true, result: { message_id: `zm${nextMessageId++}`, date: Date.now() } });
      }
      case "sendChatAction":
        return payload.action === "typing"
          ? reply(200, { ok: true, result: true })
          : refuse(400, "Bad Request: unknown action");
      case "setWebhook": {
        const secret = String(payload.secret_token ?? "");
        if (typeof payload.url !== "string" || secret.length < 8 || secret.length > 256)
          return refuse(400, "Bad Request: url and secret_token (8-256) are required");
        webhook = { url: payload.url, secret };
        return reply(200, { ok: true, result: { url: payload.url, updated_at: Date.now() } });
      }
      case "deleteWebhook":
        webhook = undefined;
        return reply(200, { ok: true, result: { url: "", updated_at: Date.now() } });
      case "getWebhookInfo":
        return reply(200, { ok: true, result: { url: webhook?.url ?? "" } });
      default:
        return refuse(404, `Not Found: method ${method}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiRoot: root,
    calls,
    emptyPolls: () => emptyPolls,
    webhook: () => webhook,
    /** Queues an update for the next getUpdates; pushing the same one twice simulates a redelivery. */
    push(update: Record<string, unknown>) {
      queue.push(update);
      for (const wake of [...pollers]) wake();
    },
    /** POSTs an update to the webhook as Zalo does; `flat` sends it without the {ok, result} wrapper. */
    async deliver(
      update: Record<string, unknown> | string,
      options: { secret?: string; flat?: boolean } = {},
    ): Promise<{ status: number; body: Record<string, unknown> }> {
      if (!webhook) throw new Error("fake Zalo: no webhook set");
      const body =
        typeof update === "string" ? update : JSON.stringify(options.flat ? update : { ok: true, result: update });
      const response = await fetch(webhook.url, {
        method: "POST",
        headers: { "content-type": "application/json", "X-Bot-Api-Secret-Token": options.secret ?? webhook.secret },
        body,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    /** Serves `bytes` at `<apiRoot>/files/<name>` (a voice message's URL). */
    putFile(name: string, bytes: Buffer): string {
      files.set(name, bytes);
      return `${root}/files/${name}`;
    },
    /** Texts sent to one user, in order. */
    textsTo(userId: string, after = 0): string[] {
      return calls
        .slice(after)
        .filter((c) => c.method === "sendMessage" && c.payload.chat_id === userId)
        .map((c) => String(c.payload.text));
    },
    /** Resolves with the first call (already made, after index `after`, or future) that matches. */
    waitFor: (predicate: (call: ZaloCall) => boolean, ms = 30_000, after = 0) => recorder.waitFor(predicate, ms, after),
    async close() {
      for (const wake of [...pollers]) wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeZaloBot = Awaited<ReturnType<typeof startFakeZaloBot>>;
