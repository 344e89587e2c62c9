import type { ApiClientOptions, Bot } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import type { BotContext } from "../../bot/context.js";
import { KEEP_LISTED_CHOICES, LISTED_CHOICES, type ListedChoices } from "../../bot/choices.js";
import type { KeyValueStore } from "../../bot/key-value-store.js";
import type { Translate } from "../../i18n/translate.js";
import type { Logger } from "../../logger.js";
import { keyedMutex } from "../../lib/keyed-mutex.js";
import { stableNumericId } from "../../lib/stable-id.js";
import { RetryLater, Undeliverable, Unreachable, type OutboundSender } from "../../outbound/outbox.js";
import type { ChannelChats } from "../channel-chats.js";
import { BotApiFailure, inProcessBotApi } from "../in-process-bot-api.js";
import { listedChoices } from "../listed-choices.js";
import { splitText } from "../split-text.js";
import { ZALO_MAX_TEXT, ZaloApiError, isRecipientGone, type ZaloBotApi, type ZaloIncoming } from "./wire.js";

export const ZALO_CHANNEL = "zalo";

export const ZALO_BOT_INFO = {
  id: 2,
  is_bot: true,
  first_name: "Trợ lý HTX",
  username: "tro_ly_htx_zalo",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
} as UserFromGetMe;

/** What the adapter sends through: the Bot Platform's API, or the Official Account's messenger. */
export type ZaloTransport = Pick<ZaloBotApi, "sendMessage" | "sendChatAction">;

export interface ZaloChannelDeps {
  /** "zalo" (Bot Platform) unless given: the Official Account runs the same adapter as "zalo-oa". */
  channel?: string;
  botInfo?: UserFromGetMe;
  api: ZaloTransport;
  chats: ChannelChats;
  store: KeyValueStore;
  translate: Translate;
  logger: Logger;
  buildBot: (client: ApiClientOptions) => Bot<BotContext>;
}

/**
 * A Zalo chat channel (Bot Platform, or Official Account with its own transport), an adapter over the one bot like the web chat: an incoming Zalo
 * message becomes a Telegram-shaped update (a typed "1" or label becomes the press of the choice it
 * names), and the bot's calls become Zalo calls: texts with their choices listed, split under 2000
 * characters; edits, which Zalo cannot do, are skipped.
 */
export function createZaloChannel(deps: ZaloChannelDeps) {
  const { api, chats, logger } = deps;
  const channel = deps.channel ?? ZALO_CHANNEL;
  const botInfo = deps.botInfo ?? ZALO_BOT_INFO;
  const choices = listedChoices(deps.store, channel, deps.translate);
  const exclusive = keyedMutex();
  // Our message ids are local numbers (Zalo's are strings); they only tie a typed choice to its message.
  let lastMessageId = Date.now();
  /** The chat of each typed choice being handled, so its answer (a toast on Telegram) can be sent. */
  const pressedIn = new Map<string, number>();

  async function externalId(chatId: number): Promise<string> {
    const id = await chats.externalIdOf(chatId);
    if (id === undefined) throw new BotApiFailure(400, "Bad Request: chat not found");
    return id;
  }

  /** Sends one bot message: choices listed in the text, long texts in parts. */
  async function deliver(chatId: number, text: string, listed: ListedChoices | undefined, keepListed = false) {
    const to = await externalId(chatId);
    const rendered = choices.render(chatId, text, listed, keepListed);
    for (const part of splitText(rendered.text, ZALO_MAX_TEXT)) await api.sendMessage(to, part);
    const messageId = ++lastMessageId;
    await choices.remember(chatId, rendered.offered, messageId);
    return {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: "private" as const, first_name: "Bà con" },
      from: botInfo,
      text: rendered.text,
    };
  }

  const fetchImpl = inProcessBotApi("Zalo channel", {
    getMe: async () => botInfo,
    sendMessage: (p) =>
      deliver(
        Number(p.chat_id),
        String(p.text ?? ""),
        p[LISTED_CHOICES] as ListedChoices | undefined,
        p[KEEP_LISTED_CHOICES] === true,
      ),
    // A button press's toast has no place on Zalo: its text, if any, becomes a message.
    answerCallbackQuery: async (p) => {
      const chatId = pressedIn.get(String(p.callback_query_id));
      if (typeof p.text === "string" && p.text !== "" && chatId !== undefined) await deliver(chatId, p.text, undefined);
      return true;
    },
    editMessageText: async () => true,
    editMessageReplyMarkup: async () => true,
    sendChatAction: async (p) => {
      const to = await externalId(Number(p.chat_id));
      await api
        .sendChatAction(to, "typing")
        .catch((error: Error) => logger.debug({ err: { message: error.message } }, "zalo typing not shown"));
      return true;
    },
    // A Zalo voice message carries its URL as the file id: the URL is the file's path.
    getFile: async (p) => ({ file_id: p.file_id, file_unique_id: p.file_id, file_path: p.file_id }),
    setMyCommands: async () => true,
    deleteWebhook: async () => true,
  });
  const bot = deps.buildBot({ fetch: fetchImpl });

  const reported = new Set<string>();
  /** Field and event names we do not use are logged once each (names only, never content). */
  function reportUnknown(names: string[]) {
    const fresh = names.filter((name) => !reported.has(name));
    for (const name of fresh) reported.add(name);
    if (fresh.length > 0) logger.info({ ignored: fresh }, "zalo: unknown fields or events ignored");
  }

  async function toUpdate(chatId: number, incoming: ZaloIncoming): Promise<Update> {
    const updateId = stableNumericId(channel, incoming.messageId);
    const from = { id: chatId, is_bot: false as const, first_name: incoming.fromName ?? "Bà con", language_code: "vi" };
    const chat = { id: chatId, type: "private" as const, first_name: from.first_name };
    const date = Math.floor(incoming.date / 1000);
    const message = { message_id: updateId, date, chat, from };
    const { event } = incoming;
    switch (event.kind) {
      case "text": {
        const command = /^\/[a-z_]+/i.exec(event.text.trim());
        if (command)
          return {
            update_id: updateId,
            message: {
              ...message,
              text: event.text.trim(),
              entities: [{ type: "bot_command", offset: 0, length: command[0].length }],
            },
          };
        const picked = await choices.match(chatId, event.text);
        if (!picked) return { update_id: updateId, message: { ...message, text: event.text } };
        return {
          update_id: updateId,
          callback_query: {
            id: String(updateId),
            from,
            chat_instance: String(chatId),
            data: picked.data,
            message: { message_id: picked.messageId, date, chat, from: botInfo, text: "" },
          },
        };
      }
      case "voice":
        return {
          update_id: updateId,
          message: { ...message, voice: { file_id: event.url, file_unique_id: incoming.messageId, duration: 0 } },
        };
      case "image":
        return {
          update_id: updateId,
          message: {
            ...message,
            photo: [{ file_id: incoming.messageId, file_unique_id: incoming.messageId, width: 0, height: 0 }],
          },
        };
      case "sticker":
        return {
          update_id: updateId,
          message: {
            ...message,
            sticker: {
              file_id: incoming.messageId,
              file_unique_id: incoming.messageId,
              type: "regular",
              width: 0,
              height: 0,
              is_animated: false,
              is_video: false,
            },
          },
        };
      case "unsupported":
        return { update_id: updateId, message } as Update;
    }
  }

  /** Handles one incoming message; messages of one chat run in order, a redelivery runs once. */
  async function handle(incoming: ZaloIncoming, unknownFields: string[] = []): Promise<void> {
    reportUnknown(unknownFields);
    const chatId = await chats.chatIdFor(incoming.chatId);
    await exclusive(String(chatId), async () => {
      const update = await toUpdate(chatId, incoming);
      logger.debug({ kind: incoming.event.kind, choice: update.callback_query !== undefined }, "zalo message");
      const pressId = update.callback_query?.id;
      if (pressId) pressedIn.set(pressId, chatId);
      choices.beginReply(chatId);
      try {
        await bot.handleUpdate(update);
      } finally {
        if (pressId) pressedIn.delete(pressId);
        await choices.endReply(chatId);
      }
    });
  }

  /**
   * Officer replies, notifications, broadcasts: Zalo lets a bot write to chats that wrote to it; a
   * message the transport's rules forbid (the OA's reply window) comes back as not deliverable.
   */
  const sender: OutboundSender = {
    async send(chatId, message) {
      const listed = message.buttons?.length ? { rows: message.buttons, options: {} } : undefined;
      try {
        await exclusive(chatId, () => deliver(Number(chatId), message.text, listed));
      } catch (error) {
        if (error instanceof Undeliverable) return { notDeliverable: error.reason };
        if (error instanceof ZaloApiError && error.code === 429) throw new RetryLater(30_000, error.message);
        // Marked unreachable once by the outbox or the broadcast worker, then skipped, not retried.
        if (isRecipientGone(error)) throw new Unreachable(error.message);
        throw error;
      }
    },
  };

  return { bot, handle, sender };
}

export type ZaloChannel = ReturnType<typeof createZaloChannel>;
