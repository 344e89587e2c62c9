/** The token the fake Bot API serves and the secret every webhook delivery carries, in the process tests. */
export const TOKEN = "123456:TEST-token-for-the-fake-bot-api";
export const SECRET = "webhook-secret-for-tests-0123";

/** An app in Telegram webhook mode behind the fake Bot API at `apiRoot`, Telegram only. */
export const telegramWebhookEnv = (apiRoot: string) => ({
  TELEGRAM_BOT_TOKEN: TOKEN,
  TELEGRAM_API_ROOT: apiRoot,
  BOT_MODE: "webhook",
  WEBHOOK_URL: "https://bot.example.org/telegram/hook",
  WEBHOOK_SECRET: SECRET,
  WEBCHAT_ENABLED: "false",
});
