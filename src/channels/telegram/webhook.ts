import { Hono } from "hono";
import { webhookCallback, type Bot } from "grammy";
import type { BotContext } from "../../bot/context.js";

/**
 * Webhook mode: Telegram POSTs updates to WEBHOOK_URL. grammY checks the secret token header on
 * every request (401 otherwise); redeliveries after a timeout are dropped by the bot's deduplication.
 */
export async function telegramWebhook(bot: Bot<BotContext>, webhook: { url: string; secret: string }): Promise<{ path: string; app: Hono }> {
  await bot.init();
  const path = new URL(webhook.url).pathname;
  const app = new Hono();
  app.post("/", webhookCallback(bot, "hono", { secretToken: webhook.secret, onTimeout: "return", timeoutMilliseconds: 9_000 }));
  await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: ["message", "callback_query"] });
  return { path, app };
}
