import { randomUUID } from "node:crypto";
import type { ApiClientOptions, Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "../../bot/context.js";
import { keyedMutex } from "../../lib/keyed-mutex.js";
import { stableNumericId } from "../../lib/stable-id.js";
import { localBotApi, WEBCHAT_BOT_INFO } from "./local-bot-api.js";
import type { ChatMessage, Transcript } from "./transcript.js";
import type { OutboundSender } from "../../outbound/outbox.js";

export const WEBCHAT_CHANNEL = "webchat";

export type WebChatInput =
  | { session: string; text: string; clientId?: string }
  | { session: string; button: string; messageId: number; clientId?: string };

const FARMER = { id: 0, is_bot: false as const, first_name: "Bà con", language_code: "vi" };

/**
 * The web chat channel: turns what the page sends into Telegram-shaped updates for the one bot and
 * returns what the bot answered (new messages and edits), with the whole transcript kept for reloads.
 */
export function createWebChat(deps: { transcript: Transcript; buildBot: (client: ApiClientOptions) => Bot<BotContext> }) {
  const collectors = new Map<number, ChatMessage[]>();
  const api = localBotApi(deps.transcript, (chatId, message) => collectors.get(chatId)?.push(message));
  const bot = deps.buildBot({ fetch: api.fetch });
  const exclusive = keyedMutex();

  function chatIdOf(session: string): number {
    return stableNumericId(WEBCHAT_CHANNEL, session);
  }

  async function toUpdate(chatId: number, input: WebChatInput): Promise<Update | { resentAfterSeq: number } | undefined> {
    // A client id makes a resend after a dropped connection the same update, so it runs once.
    const updateId = stableNumericId(input.session, input.clientId ?? randomUUID());
    const from = { ...FARMER, id: chatId };
    const chat = { id: chatId, type: "private" as const, first_name: FARMER.first_name };
    const date = Math.floor(Date.now() / 1000);
    if ("text" in input) {
      const saved = await deps.transcript.append(chatId, { fromBot: false, text: input.text, buttons: [], clientId: input.clientId });
      if (saved.duplicate) return { resentAfterSeq: saved.seq };
      const command = /^\/[a-z_]+/i.exec(input.text);
      return {
        update_id: updateId,
        message: { message_id: saved.messageId, date, chat, from, text: input.text, ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}) },
      };
    }
    const pressed = await deps.transcript.get(chatId, input.messageId);
    // Only a button the bot actually put on that message can be pressed: the page is not trusted.
    if (!pressed?.fromBot || !pressed.buttons.flat().some((b) => b.data === input.button)) return undefined;
    return {
      update_id: updateId,
      callback_query: {
        id: String(updateId),
        from,
        chat_instance: String(chatId),
        data: input.button,
        message: { message_id: pressed.messageId, date, chat, from: WEBCHAT_BOT_INFO, text: pressed.text },
      },
    };
  }

  /**
   * Handles one input of one session; inputs of the same session run in order. Undefined when the
   * input refers to a message this session does not have.
   */
  async function handle(input: WebChatInput): Promise<{ messages: ChatMessage[] } | undefined> {
    const chatId = chatIdOf(input.session);
    return exclusive(String(chatId), async () => {
      const update = await toUpdate(chatId, input);
      if (!update) return undefined;
      // A resend of something already handled: answer with what followed it the first time.
      if ("resentAfterSeq" in update) return { messages: (await deps.transcript.history(chatId, update.resentAfterSeq)).filter((m) => m.fromBot) };
      const replies: ChatMessage[] = [];
      collectors.set(chatId, replies);
      try {
        await bot.handleUpdate(update);
      } finally {
        collectors.delete(chatId);
      }
      return { messages: replies };
    });
  }

  /** Messages that arrive later (officer replies, notifications) go into the transcript; the page polls it. */
  const sender: OutboundSender = {
    async send(chatId, message) {
      await exclusive(chatId, () => deps.transcript.append(Number(chatId), { fromBot: true, text: message.text, buttons: message.buttons ?? [] }));
    },
  };

  return {
    bot,
    handle,
    sender,
    history: (session: string, afterSeq?: number) => deps.transcript.history(chatIdOf(session), afterSeq),
    chatIdOf,
  };
}

export type WebChat = ReturnType<typeof createWebChat>;
