import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Everything we know of the Zalo Official Account API v3 wire format, in one place (medium-low
 * confidence, see ../shared/notes/stack.md): webhook events and their signature, the customer-service
 * message endpoint, the OAuth token refresh. The rest of the channel speaks in the types below.
 */
export const OA_API_ROOT = "https://openapi.zalo.me";
export const OA_OAUTH_ROOT = "https://oauth.zaloapp.com";

/** A user event the channel acts on; everything else is `ignored` (logged by name only). */
export type OaEvent =
  | { kind: "text"; userId: string; messageId: string; text: string; at: number }
  | {
      kind: "image" | "sticker" | "audio";
      userId: string;
      messageId: string;
      url?: string;
      caption?: string;
      at: number;
    }
  | { kind: "follow"; userId: string; at: number }
  | { kind: "unfollow"; userId: string; at: number }
  | { kind: "ignored"; eventName: string };

interface RawAttachment {
  type?: string;
  payload?: { url?: string; thumbnail?: string };
}

interface RawEvent {
  app_id?: string;
  event_name?: string;
  timestamp?: string | number;
  sender?: { id?: string };
  follower?: { id?: string };
  message?: { msg_id?: string; text?: string; attachments?: RawAttachment[] };
}

const MEDIA_EVENTS: Record<string, "image" | "sticker" | "audio"> = {
  user_send_image: "image",
  user_send_gif: "image",
  user_send_sticker: "sticker",
  user_send_audio: "audio",
};

const asString = (v: unknown): string | undefined =>
  typeof v === "string" && v.length > 0 ? v : typeof v === "number" ? String(v) : undefined;

/** The body's own timestamp (milliseconds, as a string on the wire): it is part of the signature. */
export function eventTimestamp(body: unknown): string | undefined {
  return asString((body as RawEvent | null)?.timestamp);
}

/** Reads one webhook body; a body that is not an event at all is undefined (the caller answers 400). */
export function parseOaEvent(body: unknown): OaEvent | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const raw = body as RawEvent;
  const eventName = asString(raw.event_name);
  if (!eventName) return undefined;
  const at = Number(raw.timestamp) || Date.now();
  if (eventName === "follow" || eventName === "unfollow") {
    const userId = asString(raw.follower?.id);
    return userId ? { kind: eventName, userId, at } : { kind: "ignored", eventName };
  }
  const userId = asString(raw.sender?.id);
  const messageId = asString(raw.message?.msg_id);
  if (!userId || !messageId) return { kind: "ignored", eventName };
  if (eventName === "user_send_text") {
    const text = asString(raw.message?.text);
    return text ? { kind: "text", userId, messageId, text, at } : { kind: "ignored", eventName };
  }
  const media = MEDIA_EVENTS[eventName];
  if (!media) return { kind: "ignored", eventName };
  const attachment = raw.message?.attachments?.[0];
  return {
    kind: media,
    userId,
    messageId,
    url: asString(attachment?.payload?.url),
    caption: asString(raw.message?.text),
    at,
  };
}

/** `X-ZEvent-Signature: mac=<hex sha256(app id + raw body + timestamp + OA secret key)>`. */
export function oaSignature(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string {
  return `mac=${createHash("sha256")
    .update(appId + rawBody + timestamp + oaSecretKey)
    .digest("hex")}`;
}

export function verifyOaSignature(header: string | undefined, expected: string): boolean {
  if (!header) return false;
  const given = Buffer.from(header.trim());
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** An error answer of the OA API (`{error: <negative code>, message}`), or of its HTTP layer. */
export class OaApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Error codes the OA gives for an access token that is expired or revoked: refresh and retry once. */
const TOKEN_ERRORS = new Set([-216, -124, -220]);
export const isTokenError = (error: unknown) => error instanceof OaApiError && TOKEN_ERRORS.has(error.code);

export interface OaTokenPair {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

export interface OaApiOptions {
  apiRoot: string;
  oauthRoot: string;
  appId: string;
  /** The app's secret key (OAuth), not the OA secret key that signs webhooks. */
  appSecret: string;
  fetch?: typeof fetch;
  /** Per-request timeout; a hung OA must not hold a reply or a token lock for long. */
  timeoutMs?: number;
}

export interface OaApi {
  /** A customer-service message to a user; resolves with the OA's message id. */
  sendText(accessToken: string, userId: string, text: string): Promise<string>;
  /** Spends the (single-use) refresh token for a new pair. */
  refreshTokens(refreshToken: string): Promise<OaTokenPair>;
}

export function oaApi(options: OaApiOptions): OaApi {
  const fetchImpl = options.fetch ?? fetch;
  const signal = () => AbortSignal.timeout(options.timeoutMs ?? 15_000);

  async function readJson(response: Response): Promise<Record<string, unknown>> {
    const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    if (!body || typeof body !== "object")
      throw new OaApiError(response.status, `OA answered HTTP ${response.status} without JSON`);
    return body;
  }

  return {
    async sendText(accessToken, userId, text) {
      const response = await fetchImpl(`${options.apiRoot}/v3.0/oa/message/cs`, {
        method: "POST",
        headers: { access_token: accessToken, "content-type": "application/json" },
        body: JSON.stringify({ recipient: { user_id: userId }, message: { text } }),
        signal: signal(),
      });
      const body = await readJson(response);
      const code = Number(body.error ?? 0);
      if (code !== 0 || !response.ok)
        throw new OaApiError(code || response.status, String(body.message ?? "OA send failed"));
      return String((body.data as { message_id?: unknown } | undefined)?.message_id ?? "");
    },

    async refreshTokens(refreshToken) {
      const response = await fetchImpl(`${options.oauthRoot}/v4/oa/access_token`, {
        method: "POST",
        headers: { secret_key: options.appSecret, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          refresh_token: refreshToken,
          app_id: options.appId,
          grant_type: "refresh_token",
        }).toString(),
        signal: signal(),
      });
      const body = await readJson(response);
      const accessToken = asString(body.access_token);
      const nextRefresh = asString(body.refresh_token);
      if (!accessToken || !nextRefresh) {
        throw new OaApiError(
          Number(body.error ?? response.status),
          String(body.error_description ?? body.error_name ?? body.message ?? "token refresh refused"),
        );
      }
      return { accessToken, refreshToken: nextRefresh, expiresInSeconds: Number(body.expires_in) || 90_000 };
    },
  };
}
