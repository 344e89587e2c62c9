import { GrammyError, type Api } from "grammy";
import { inlineKeyboardMarkup } from "../../bot/choices.js";
import { RetryLater, Unreachable, type OutboundMessage, type OutboundSender } from "../../outbound/outbox.js";

/** 403 "bot was blocked by the user", "user is deactivated", "bot can't initiate conversation"; 400 "chat not found". */
const isGone = (error: GrammyError) =>
  error.error_code === 403 || (error.error_code === 400 && /chat not found/i.test(error.description));

/**
 * Delivers queued messages through the Bot API; Telegram's flood limit becomes a RetryLater and a
 * chat that refuses the bot for good becomes Unreachable. Telegram has no idempotency key, so this
 * sender is not idempotent: an interrupted delivery is not sent again.
 */
export function telegramSender(api: Api): OutboundSender {
  return {
    async send(chatId, message: OutboundMessage) {
      const keyboard = message.buttons?.length ? inlineKeyboardMarkup(message.buttons) : undefined;
      try {
        await api.sendMessage(chatId, message.text, keyboard ? { reply_markup: keyboard } : {});
      } catch (error) {
        if (error instanceof GrammyError && error.error_code === 429)
          throw new RetryLater((error.parameters.retry_after ?? 1) * 1000, error.description);
        if (error instanceof GrammyError && isGone(error)) throw new Unreachable(error.description);
        throw error;
      }
    },
  };
}
