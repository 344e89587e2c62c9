import { randomUUID } from "node:crypto";
import type { ApiClientOptions, Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "../../bot/context.js";
import { stableNumericId } from "../../lib/stable-id.js";
import type { ChatLock } from "../../bot/chat-lock.js";
import type { UpdateLedger } from "../../bot/update-ledger.js";
import { localBotApi, replyClientIdPrefix, WEBCHAT_BOT_INFO, type ReplyCollector } from "./local-bot-api.js";
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
export function createWebChat(deps: {
  transcript: Transcript;
  ledger: UpdateLedger;
  /** Taken around each input (the bot built by `buildBot` must not take it again). */
  chatLock: ChatLock;
  buildBot: (client: ApiClientOptions) => Bot<BotContext>;
}) {
  const collectors = new Map<number, ReplyCollector>();
  const api = localBotApi(deps.transcript, (chatId) => collectors.get(chatId));
  const bot = deps.buildBot({ fetch: api.fetch });
  const exclusive = <T>(chatId: number | string, task: () => Promise<T>) =>
    deps.chatLock.run(`${WEBCHAT_CHANNEL}:${chatId}`, task);

  function chatIdOf(session: string): number {
    return stableNumericId(WEBCHAT_CHANNEL, session);
  }

  function textUpdate(chatId: number, updateId: number, text: string, saved: ChatMessage): Update {
    const command = /^\/[a-z_]+/i.exec(text);
    return {
      update_id: updateId,
      message: {
        message_id: saved.messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: "private", first_name: FARMER.first_name },
        from: { ...FARMER, id: chatId },
        text,
        ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
      },
    };
  }

  /**
   * `resumed`: this input was seen before but its processing never finished (a crash), so the
   * button is not checked again: the first processing may already have removed its keyboard.
   */
  async function pressUpdate(
    chatId: number,
    updateId: number,
    input: { button: string; messageId: number },
    resumed: boolean,
  ): Promise<Update | undefined> {
    const from = { ...FARMER, id: chatId };
    const chat = { id: chatId, type: "private" as const, first_name: FARMER.first_name };
    const pressed = await deps.transcript.get(chatId, input.messageId);
    // Only a button the bot actually put on that message can be pressed: the page is not trusted.
    if (!pressed?.fromBot || (!resumed && !pressed.buttons.flat().some((b) => b.data === input.button)))
      return undefined;
    return {
      update_id: updateId,
      callback_query: {
        id: String(updateId),
        from,
        chat_instance: String(chatId),
        data: input.button,
        message: {
          message_id: pressed.messageId,
          date: Math.floor(Date.now() / 1000),
          chat,
          from: WEBCHAT_BOT_INFO,
          text: pressed.text,
        },
      },
    };
  }

  /**
   * Handles one input of one session; inputs of the same session run in order. Undefined when the
   * input refers to a message this session does not have.
   */
  async function handle(input: WebChatInput): Promise<{ messages: ChatMessage[] } | undefined> {
    const chatId = chatIdOf(input.session);
    // A client id makes a resend after a dropped connection the same update, so it runs once.
    const updateId = stableNumericId(input.session, input.clientId ?? randomUUID());
    return exclusive(chatId, async () => {
      // A text is stored first; a resend finds it stored the first time (same client id). A text
      // stored just now cannot have been processed before, so the ledger need not be asked.
      const saved =
        "text" in input
          ? await deps.transcript.append(chatId, {
              fromBot: false,
              text: input.text,
              buttons: [],
              clientId: input.clientId,
            })
          : undefined;
      const seenBefore = input.clientId !== undefined && saved?.duplicate !== false;
      const state = seenBefore ? await deps.ledger.state(WEBCHAT_CHANNEL, String(updateId)) : undefined;
      // A resend of something already handled: the messages its first processing sent.
      if (state === "done")
        return { messages: await deps.transcript.byClientIdPrefix(chatId, replyClientIdPrefix(updateId)) };
      const update =
        "text" in input
          ? textUpdate(chatId, updateId, input.text, saved!)
          : await pressUpdate(chatId, updateId, input, state === "processing");
      if (!update) return undefined;
      const collector: ReplyCollector = { updateId, sent: 0, messages: [] };
      collectors.set(chatId, collector);
      try {
        await bot.handleUpdate(update);
      } finally {
        collectors.delete(chatId);
      }
      return { messages: collector.messages };
    });
  }

  /** Messages that arrive later (officer replies, notifications) go into the transcript; the page polls it. */
  const sender: OutboundSender = {
    // The key is stored like a page's client id: appending it again returns the stored message.
    idempotent: true,
    async send(chatId, message, options) {
      const clientId = options?.key;
      await exclusive(chatId, () =>
        deps.transcript.append(Number(chatId), {
          fromBot: true,
          text: message.text,
          buttons: message.buttons ?? [],
          ...(clientId ? { clientId } : {}),
        }),
      );
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
