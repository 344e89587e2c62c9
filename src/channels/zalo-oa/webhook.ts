import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Translate } from "../../i18n/translate.js";
import type { Logger } from "../../logger.js";
import { eventTimestamp, oaSignature, parseOaEvent, verifyOaSignature, type OaEvent } from "./wire.js";

/** OA events are small JSON documents; anything far larger is not one. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * The OA's webhook: every delivery must carry `X-ZEvent-Signature` over the raw body (a bad or missing
 * one is refused with 401 and logged, nothing processed); a broken body gets 400 with a Vietnamese
 * message; events we do not handle are logged by name and acknowledged.
 */
export function zaloOaWebhook(deps: {
  appId: string;
  oaSecretKey: string;
  translate: Translate;
  logger: Logger;
  onEvent: (event: Exclude<OaEvent, { kind: "ignored" }>) => Promise<void>;
}): Hono {
  const app = new Hono();
  const refuse = (
    c: { json: (body: unknown, status: 400 | 401 | 413) => Response },
    status: 400 | 401 | 413,
    key: string,
  ) => c.json({ error: deps.translate(key) }, status);

  app.post(
    "/",
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => refuse(c, 413, "zalo-oa-too-large") }),
    async (c) => {
      const raw = await c.req.text();
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return refuse(c, 400, "zalo-oa-bad-request");
      }
      const timestamp = eventTimestamp(body);
      if (!timestamp) return refuse(c, 400, "zalo-oa-bad-request");
      if (
        !verifyOaSignature(
          c.req.header("x-zevent-signature"),
          oaSignature(deps.appId, raw, timestamp, deps.oaSecretKey),
        )
      ) {
        deps.logger.warn(
          { signed: c.req.header("x-zevent-signature") !== undefined },
          "zalo oa webhook refused: bad signature",
        );
        return refuse(c, 401, "zalo-oa-bad-signature");
      }
      const event = parseOaEvent(body);
      if (!event) return refuse(c, 400, "zalo-oa-bad-request");
      if (event.kind === "ignored") {
        deps.logger.info({ event: event.eventName }, "zalo oa event ignored");
        return c.json({ ok: true });
      }
      try {
        await deps.onEvent(event);
      } catch (error) {
        deps.logger.error({ event: event.kind, err: { message: (error as Error).message } }, "zalo oa event failed");
        return c.json({ error: deps.translate("error-internal") }, 500);
      }
      return c.json({ ok: true });
    },
  );
  return app;
}
