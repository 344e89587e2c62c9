import { GrammyError, type Api } from "grammy";
import { inlineKeyboardMarkup } from "../../bot/choices.js";
import { RetryLater, type OutboundMessage, type OutboundSender } from "../../outbound/outbox.js";

/** Delivers queued messages through the Bot API; Telegram's flood limit becomes a RetryLater. */
export function telegramSender(api: Api): OutboundSender {
  return {
    async send(chatId, message: OutboundMessage) {
      const keyboard = message.buttons?.length ? inlineKeyboardMarkup(message.buttons) : undefined;
      try {
        await api.sendMessage(chatId, message.text, keyboard ? { reply_markup: keyboard } : {});
      } catch (error) {
        if (error instanceof GrammyError && error.error_code === 429) throw new RetryLater((error.parameters.retry_after ?? 1) * 1000, error.description);
        throw error;
      }
    },
  };
}
