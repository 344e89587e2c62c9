/**
 * The Zalo Bot Platform wire format, and only here: every call is `POST <root>/bot<TOKEN>/<method>`
 * with a JSON body (the token sits in the URL, so URLs are never logged); answers are
 * `{ok, result}` or `{ok: false, error_code, description}`. `getUpdates` long-polls and returns ONE
 * update (no update id, no offset) or 408 "Request timeout" when nothing arrived. Webhook bodies come
 * wrapped like getUpdates or flat. See ../shared/notes/stack.md.
 */

export const ZALO_OFFICIAL_API_ROOT = "https://bot-api.zaloplatforms.com";
/** Longest text sendMessage accepts. */
export const ZALO_MAX_TEXT = 2000;
export const ZALO_SECRET_HEADER = "X-Bot-Api-Secret-Token";

export type ZaloEvent =
  { kind: "text"; text: string } | { kind: "voice"; url: string } | { kind: "image" | "sticker" | "unsupported" };

/** One incoming message, in our terms. */
export interface ZaloIncoming {
  messageId: string;
  /** The chat to answer (a private chat's id is the user's). */
  chatId: string;
  /** Display name, to greet; never logged. */
  fromName?: string;
  /** Milliseconds since the epoch. */
  date: number;
  event: ZaloEvent;
}

export type ZaloParse = { ok: true; incoming: ZaloIncoming } | { ok: false; reason: string };

const KNOWN_EVENTS: Record<string, ZaloEvent["kind"]> = {
  "message.text.received": "text",
  "message.image.received": "image",
  "message.sticker.received": "sticker",
  "message.voice.received": "voice",
  "message.unsupported.received": "unsupported",
};
const MESSAGE_FIELDS = new Set([
  "message_id",
  "date",
  "text",
  "from",
  "chat",
  "photo",
  "photo_url",
  "sticker",
  "url",
  "voice",
  "caption",
  "message_type",
]);

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
const idOf = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : undefined;

/**
 * Reads an update from getUpdates' `result` or a webhook body (wrapped `{ok, result}` or flat).
 * `unknownFields` collects field and event names we do not use, for a debug log line.
 */
export function parseZaloUpdate(body: unknown, unknownFields: string[] = []): ZaloParse {
  const outer = record(body);
  const update = record(outer?.result) ?? outer;
  const message = record(update?.message);
  if (!update || !message) return { ok: false, reason: "no message" };
  const messageId = idOf(message.message_id);
  const chatId = idOf(record(message.chat)?.id) ?? idOf(record(message.from)?.id);
  if (!messageId || !chatId) return { ok: false, reason: "no message or chat id" };
  for (const field of Object.keys(message)) if (!MESSAGE_FIELDS.has(field)) unknownFields.push(`message.${field}`);

  const eventName = typeof update.event_name === "string" ? update.event_name : undefined;
  let kind = eventName ? KNOWN_EVENTS[eventName] : undefined;
  if (eventName && !kind) unknownFields.push(`event:${eventName}`);
  // Some deliveries carry no event name: a text is still a text.
  kind ??= typeof message.text === "string" ? "text" : "unsupported";

  const from = record(message.from);
  const fromName =
    typeof from?.display_name === "string"
      ? from.display_name
      : typeof from?.first_name === "string"
        ? from.first_name
        : undefined;
  const date = typeof message.date === "number" ? message.date : Date.now();
  const base = { messageId, chatId, date, ...(fromName ? { fromName } : {}) };
  if (kind === "text") {
    if (typeof message.text !== "string") return { ok: false, reason: "text event without text" };
    return { ok: true, incoming: { ...base, event: { kind, text: message.text } } };
  }
  if (kind === "voice") {
    const url = [message.voice, message.url].find((v): v is string => typeof v === "string" && /^https?:\/\//.test(v));
    return { ok: true, incoming: { ...base, event: url ? { kind, url } : { kind: "unsupported" } } };
  }
  return { ok: true, incoming: { ...base, event: { kind } } };
}

/** A refused call: `code` is Zalo's error_code (or the HTTP status). */
export class ZaloApiError extends Error {
  constructor(
    readonly code: number,
    description: string,
  ) {
    super(`Zalo API error ${code}: ${description}`);
  }
}

/**
 * The chat will never take a message from the bot: the user blocked it or is unknown. Zalo documents
 * no codes for this; its Bot API answers in Telegram's shape, so a 403, or a 400/404 that names the
 * user or chat as not found, is read as Telegram's "blocked by the user" / "chat not found".
 */
export const isRecipientGone = (error: unknown): error is ZaloApiError =>
  error instanceof ZaloApiError &&
  (error.code === 403 ||
    ((error.code === 400 || error.code === 404) && /(user|chat)\b.*not found/i.test(error.message)));

/** getUpdates' "nothing arrived within the timeout": normal, not a failure. */
export const isPollTimeout = (error: unknown) => error instanceof ZaloApiError && error.code === 408;

export interface ZaloBotApi {
  getMe(): Promise<{ id: string; account_name?: string }>;
  /** The next update, or undefined when the long poll timed out with nothing. */
  getUpdates(timeoutSeconds: number, signal?: AbortSignal): Promise<unknown>;
  sendMessage(chatId: string, text: string): Promise<{ message_id: string }>;
  sendChatAction(chatId: string, action: "typing"): Promise<void>;
  setWebhook(url: string, secretToken: string): Promise<void>;
  deleteWebhook(): Promise<void>;
}

/** Calls Zalo's Bot API. Errors name the method, never the URL (the token is in it). */
export function zaloBotApi(apiRoot: string, token: string, fetchImpl: typeof fetch = fetch): ZaloBotApi {
  async function call(method: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
    let response: Response;
    try {
      response = await fetchImpl(`${apiRoot}/bot${token}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if ((error as Error).name === "AbortError") throw error;
      // fetch's own message can quote the URL: keep only its kind.
      throw new Error(
        `Zalo ${method} failed: network error (${(error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).name})`,
      );
    }
    const payload = record(await response.json().catch(() => undefined));
    if (payload?.ok === true) return payload.result;
    const code = typeof payload?.error_code === "number" ? payload.error_code : response.status;
    throw new ZaloApiError(
      code,
      typeof payload?.description === "string" ? payload.description : `HTTP ${response.status} on ${method}`,
    );
  }
  return {
    getMe: async () => (await call("getMe", {})) as { id: string; account_name?: string },
    async getUpdates(timeoutSeconds, signal) {
      try {
        return await call("getUpdates", { timeout: String(timeoutSeconds) }, signal);
      } catch (error) {
        if (isPollTimeout(error)) return undefined;
        throw error;
      }
    },
    sendMessage: async (chatId, text) => {
      const result = record(await call("sendMessage", { chat_id: chatId, text }));
      return { message_id: idOf(result?.message_id) ?? "" };
    },
    sendChatAction: async (chatId, action) => void (await call("sendChatAction", { chat_id: chatId, action })),
    setWebhook: async (url, secretToken) => void (await call("setWebhook", { url, secret_token: secretToken })),
    deleteWebhook: async () => void (await call("deleteWebhook", {})),
  };
}
