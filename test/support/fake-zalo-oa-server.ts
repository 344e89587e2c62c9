import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { oaSignature } from "../../src/channels/zalo-oa/wire.js";
import { callRecorder } from "./call-recorder.js";

/**
 * A local stand-in for the Zalo OA API v3 and its OAuth server over real HTTP (the app is pointed here
 * with ZALO_OA_API_ROOT and ZALO_OA_OAUTH_ROOT). It checks the access token on every send, issues new
 * token pairs and refuses a refresh token that was already spent, as Zalo does; it also signs webhook
 * deliveries to the app like Zalo would.
 */
export interface FakeOaOptions {
  appId: string;
  appSecret: string;
  oaSecretKey: string;
  accessToken: string;
  refreshToken: string;
}

export interface SentOaMessage {
  userId: string;
  text: string;
  accessToken: string;
}

export async function startFakeZaloOa(options: FakeOaOptions) {
  const recorder = callRecorder<SentOaMessage>("fake Zalo OA", (message) => message.userId);
  const sent = recorder.entries;
  const spentRefreshTokens = new Set<string>();
  let validAccessToken = options.accessToken;
  let validRefreshToken = options.refreshToken;
  let refreshes = 0;
  let nextMessageId = 1000;
  let nextTokenNo = 1;
  /** The next refresh answer is held until `releaseRefresh` (to make two refreshers overlap). */
  let holdRefresh: Promise<void> | undefined;

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }

  const server: Server = createServer(async (req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const raw = await readBody(req);
    if (req.method === "POST" && req.url === "/v3.0/oa/message/cs") {
      if (req.headers["access_token"] !== validAccessToken)
        return reply(200, { error: -216, message: "Access token is invalid" });
      const body = JSON.parse(raw) as { recipient?: { user_id?: string }; message?: { text?: string } };
      const text = body.message?.text ?? "";
      if (!body.recipient?.user_id || text.length === 0 || text.length > 2000)
        return reply(200, { error: -201, message: "Parameters are invalid" });
      const message = { userId: body.recipient.user_id, text, accessToken: validAccessToken };
      recorder.record(message);
      return reply(200, {
        error: 0,
        message: "Success",
        data: { message_id: `oa-${nextMessageId++}`, user_id: body.recipient.user_id },
      });
    }
    if (req.method === "POST" && req.url === "/v4/oa/access_token") {
      const form = new URLSearchParams(raw);
      if (
        req.headers["secret_key"] !== options.appSecret ||
        form.get("app_id") !== options.appId ||
        form.get("grant_type") !== "refresh_token"
      ) {
        return reply(200, {
          error: -14002,
          error_name: "Invalid app",
          error_description: "app id or secret key is wrong",
        });
      }
      const presented = form.get("refresh_token") ?? "";
      if (holdRefresh) await holdRefresh;
      if (spentRefreshTokens.has(presented) || presented !== validRefreshToken) {
        return reply(200, {
          error: -14014,
          error_name: "Invalid refresh token",
          error_description: "refresh token is invalid or was already used",
        });
      }
      spentRefreshTokens.add(presented);
      refreshes++;
      validAccessToken = `access-${nextTokenNo}`;
      validRefreshToken = `refresh-${nextTokenNo++}`;
      return reply(200, { access_token: validAccessToken, refresh_token: validRefreshToken, expires_in: "90000" });
    }
    reply(404, { error: -404, message: "Not found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    /** The app's settings that point its Zalo OA channel here, with the fake's credentials. */
    appEnv: {
      ZALO_OA_APP_ID: options.appId,
      ZALO_OA_APP_SECRET: options.appSecret,
      ZALO_OA_SECRET_KEY: options.oaSecretKey,
      ZALO_OA_ACCESS_TOKEN: options.accessToken,
      ZALO_OA_REFRESH_TOKEN: options.refreshToken,
      ZALO_OA_API_ROOT: url,
      ZALO_OA_OAUTH_ROOT: url,
    },
    sent,
    refreshes: () => refreshes,
    currentAccessToken: () => validAccessToken,
    /** Makes the OA forget the current access token, as when it expired or was revoked. */
    revokeAccessToken() {
      validAccessToken = `revoked-${Date.now()}`;
    },
    /** Holds refresh answers until the returned function is called. */
    holdRefreshes(): () => void {
      let release!: () => void;
      holdRefresh = new Promise<void>((resolve) => (release = resolve));
      return () => {
        holdRefresh = undefined;
        release();
      };
    },
    /** Resolves with the first message sent (already, or later) that matches. */
    waitFor: (predicate: (message: SentOaMessage) => boolean, ms = 120_000) => recorder.waitFor(predicate, ms),
    /** Posts a webhook event to the app as Zalo does: body with timestamp, signed header. */
    async deliver(
      webhookUrl: string,
      event: Record<string, unknown>,
      sign: { secret?: string; signature?: string } = {},
    ): Promise<Response> {
      const body = JSON.stringify({ app_id: options.appId, timestamp: String(Date.now()), ...event });
      const timestamp = String((JSON.parse(body) as { timestamp: string }).timestamp);
      const signature =
        sign.signature ?? oaSignature(options.appId, body, timestamp, sign.secret ?? options.oaSecretKey);
      return fetch(webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json", "x-zevent-signature": signature },
        body,
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeZaloOa = Awaited<ReturnType<typeof startFakeZaloOa>>;

/** A farmer's text message as the OA webhook carries it. */
export function oaTextEvent(userId: string, messageId: string, text: string) {
  return {
    event_name: "user_send_text",
    sender: { id: userId },
    recipient: { id: "oa-1" },
    message: { msg_id: messageId, text },
  };
}
