import type { InlineKeyboardMarkup, UserFromGetMe } from "grammy/types";
import type { ChatButton, ChatMessage, HeldMessage, Transcript } from "./transcript.js";
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

/**
 * The update a chat's bot messages answer right now, and what it produced so far. Its messages and
 * edits are held (stored when the update is marked done, see Transcript.commit) while `ids` taken
 * ahead last; `known` are stored messages it may edit (the one a button was pressed on).
 */
export type ReplyCollector = {
  updateId: number;
  sent: number;
  messages: ChatMessage[];
  ids: number[];
  held: Map<number, HeldMessage>;
  known: Map<number, ChatMessage>;
};

/** The collector's held messages, handed over for storing once. */
export function takeHeld(collector: ReplyCollector): HeldMessage[] {
  const held = [...collector.held.values()];
  collector.held.clear();
  return held;
}

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
      const text = String(p.text ?? "");
      const buttons = buttonsOf(p.reply_markup);
      const id = collector?.ids.shift();
      let saved: ChatMessage;
      if (id !== undefined) {
        saved = { seq: id, messageId: id, fromBot: true, text, buttons, edited: false };
        collector!.held.set(id, { message: saved, clientId, isNew: true });
      } else {
        const { duplicate: _duplicate, ...stored } = await transcript.append(chatId, {
          fromBot: true,
          text,
          buttons,
          clientId,
        });
        saved = stored;
      }
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
    const messageId = Number(p.message_id);
    const collector = collectorOf(chatId);
    const saved =
      (collector && holdEdit(collector, messageId, change)) ?? (await transcript.edit(chatId, messageId, change));
    if (!saved) throw new BotApiFailure(400, "Bad Request: message to edit not found");
    collector?.messages.push(saved);
    return asTelegramMessage(chatId, saved);
  }

  /** An edit of a message this update knows (sent by it, or pressed), held with a new seq; undefined if it cannot be. */
  function holdEdit(collector: ReplyCollector, messageId: number, change: { text?: string; buttons: ChatButton[][] }) {
    const held = collector.held.get(messageId);
    const current = held?.message ?? collector.known.get(messageId);
    if (!current) return undefined;
    // A stored message needs a new seq (the page polls for what changed after its last one); one held
    // is not stored yet, so it keeps its own when no id is left.
    const seq = collector.ids.shift() ?? (held ? current.seq : undefined);
    if (seq === undefined) return undefined;
    const edited = {
      ...current,
      seq,
      text: change.text ?? current.text,
      buttons: change.buttons,
      edited: true,
    };
    collector.held.set(messageId, { message: edited, clientId: held?.clientId, isNew: held?.isNew ?? false });
    return edited;
  }

  return { fetch: inProcessBotApi("web chat", methods) };
}
