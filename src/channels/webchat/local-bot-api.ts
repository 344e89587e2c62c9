import type { InlineKeyboardMarkup, UserFromGetMe } from "grammy/types";
import type { ChatButton, ChatMessage, Transcript } from "./transcript.js";
import { BotApiFailure, inProcessBotApi, type BotApiMethods } from "../in-process-bot-api.js";

/**
 * The web chat's in-process Bot API: the bot's outgoing calls (sendMessage, editMessageText, ...) are
 * written to the web chat transcript instead of going to Telegram.
 */
export const WEBCHAT_BOT_INFO: UserFromGetMe = {
  id: 1,
  is_bot: true,
  first_name: "Trợ lý HTX",
  username: "tro_ly_htx_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
} as UserFromGetMe;

/** The update a chat's bot messages answer right now, and what it produced so far. */
export type ReplyCollector = { updateId: number; sent: number; messages: ChatMessage[] };

/**
 * The client id of the n-th message sent for an update: replaying the update after a crash appends
 * the same ids again, so the transcript keeps the first processing's messages instead of doubling
 * them. (A colon never occurs in the page's own client ids.)
 */
export const replyClientId = (updateId: number, n: number) => `bot:${updateId}:${n}`;
export const replyClientIdPrefix = (updateId: number) => `bot:${updateId}:`;

function buttonsOf(markup: unknown): ChatButton[][] {
  const rows = (markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? [];
  return rows
    .filter((row) => row.length > 0)
    .map((row) => row.map((b) => ({ text: b.text, data: "callback_data" in b ? (b.callback_data ?? "") : "" })));
}

function asTelegramMessage(chatId: number, message: ChatMessage) {
  return {
    message_id: message.messageId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: "private" as const, first_name: "Bà con" },
    from: WEBCHAT_BOT_INFO,
    text: message.text,
    ...(message.buttons.length > 0
      ? {
          reply_markup: {
            inline_keyboard: message.buttons.map((r) => r.map((b) => ({ text: b.text, callback_data: b.data }))),
          },
        }
      : {}),
  };
}

export function localBotApi(transcript: Transcript, collectorOf: (chatId: number) => ReplyCollector | undefined) {
  const methods: BotApiMethods = {
    getMe: async () => WEBCHAT_BOT_INFO,
    sendMessage: async (p) => {
      const chatId = Number(p.chat_id);
      const collector = collectorOf(chatId);
      const clientId = collector ? replyClientId(collector.updateId, collector.sent++) : undefined;
      const { duplicate: _duplicate, ...saved } = await transcript.append(chatId, {
        fromBot: true,
        text: String(p.text ?? ""),
        buttons: buttonsOf(p.reply_markup),
        clientId,
      });
      collector?.messages.push(saved);
      return asTelegramMessage(chatId, saved);
    },
    editMessageText: async (p) => edit(p, { text: String(p.text ?? ""), buttons: buttonsOf(p.reply_markup) }),
    editMessageReplyMarkup: async (p) => edit(p, { buttons: buttonsOf(p.reply_markup) }),
    answerCallbackQuery: async () => true,
    sendChatAction: async () => true,
    setMyCommands: async () => true,
    deleteWebhook: async () => true,
  };

  async function edit(p: Record<string, unknown>, change: { text?: string; buttons: ChatButton[][] }) {
    const chatId = Number(p.chat_id);
    const saved = await transcript.edit(chatId, Number(p.message_id), change);
    if (!saved) throw new BotApiFailure(400, "Bad Request: message to edit not found");
    collectorOf(chatId)?.messages.push(saved);
    return asTelegramMessage(chatId, saved);
  }

  return { fetch: inProcessBotApi("web chat", methods) };
}
