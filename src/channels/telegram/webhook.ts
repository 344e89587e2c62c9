import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { webhookCallback, type Bot } from "grammy";
import type { BotContext } from "../../bot/context.js";
import type { Translate } from "../../i18n/translate.js";

/** Telegram's updates are a few KB (a message is at most 4096 characters): a larger body is not Telegram. */
export const WEBHOOK_BODY_MAX_BYTES = 256 * 1024;

/** Anything shaped like an update: a JSON object with a numeric update_id. */
const looksLikeUpdate = (body: unknown) =>
  typeof body === "object" && body !== null && Number.isSafeInteger((body as { update_id?: unknown }).update_id);

/**
 * Webhook mode: Telegram POSTs updates to WEBHOOK_URL. grammY checks the secret token header on
 * every request (401 otherwise). The answer (200) waits until the update is processed and recorded
 * done, however long that takes: answering earlier would stop Telegram from redelivering an update
 * a crash interrupted. A redelivery of one still in progress waits for the chat's lock and is then
 * skipped as done by the bot's deduplication.
 * A body over the limit is refused before it is read (413), an empty or broken one gets 400.
 */
export async function telegramWebhook(
  bot: Bot<BotContext>,
  webhook: { url: string; secret: string },
  translate: Translate,
): Promise<{ path: string; app: Hono }> {
  await bot.init();
  const path = new URL(webhook.url).pathname;
  const app = new Hono();
  const refuse = (status: 400 | 413) =>
    new Response(translate("webhook-bad-request"), {
      status,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  app.post(
    "/",
    bodyLimit({ maxSize: WEBHOOK_BODY_MAX_BYTES, onError: () => refuse(413) }),
    // Read once here (Hono keeps the parsed body for grammY), so a broken body never reaches the bot.
    async (c, next) => (looksLikeUpdate(await c.req.json().catch(() => undefined)) ? next() : refuse(400)),
    webhookCallback(bot, "hono", { secretToken: webhook.secret, timeoutMilliseconds: Infinity }),
  );
  await bot.api.setWebhook(webhook.url, {
    secret_token: webhook.secret,
    allowed_updates: ["message", "callback_query"],
  });
  return { path, app };
}
