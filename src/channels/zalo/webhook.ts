import { timingSafeEqual } from "node:crypto";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Translate } from "../../i18n/translate.js";
import type { Logger } from "../../logger.js";
import { parseZaloUpdate, ZALO_SECRET_HEADER, type ZaloBotApi, type ZaloIncoming } from "./wire.js";

/** A Zalo delivery is one small JSON message; anything bigger is not one. */
const MAX_BODY_BYTES = 64 * 1024;

const sameSecret = (given: string | undefined, expected: string) =>
  given !== undefined && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/**
 * Webhook mode: Zalo POSTs each message to ZALO_WEBHOOK_URL with the secret in a header (401 without
 * it). The answer comes after the message was handled, so a failure makes Zalo deliver it again, and
 * the bot's deduplication runs a redelivery once. Deliveries we cannot read get a 400 with the
 * reason; a well-formed delivery of something we do not handle is acknowledged and logged.
 */
export async function zaloWebhook(options: {
  api: ZaloBotApi;
  webhook: { url: string; secret: string };
  handle: (incoming: ZaloIncoming, unknownFields: string[]) => Promise<void>;
  translate: Translate;
  logger: Logger;
}): Promise<{ path: string; app: Hono }> {
  const { translate: t, logger } = options;
  const app = new Hono();
  app.post(
    "/",
    async (c, next) => {
      if (sameSecret(c.req.header(ZALO_SECRET_HEADER), options.webhook.secret)) return next();
      logger.warn("zalo webhook: wrong or missing secret");
      return c.json({ error: t("zalo-webhook-forbidden") }, 401);
    },
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: t("zalo-webhook-too-large") }, 413) }),
    async (c) => {
      const body: unknown = await c.req.json().catch(() => undefined);
      if (body === undefined) return c.json({ error: t("zalo-webhook-bad-body") }, 400);
      const unknownFields: string[] = [];
      const parsed = parseZaloUpdate(body, unknownFields);
      if (!parsed.ok) {
        logger.warn({ reason: parsed.reason }, "zalo webhook delivery ignored");
        return c.json({ error: t("zalo-webhook-bad-body") }, 400);
      }
      try {
        await options.handle(parsed.incoming, unknownFields);
      } catch (error) {
        // Zalo delivers it again; the bot's deduplication keeps a message handled once.
        logger.error(
          { err: { message: (error as Error).message, stack: (error as Error).stack } },
          "zalo webhook delivery failed",
        );
        return c.json({ error: t("error-internal") }, 500);
      }
      return c.json({ ok: true });
    },
  );
  await options.api.setWebhook(options.webhook.url, options.webhook.secret);
  return { path: new URL(options.webhook.url).pathname, app };
}
