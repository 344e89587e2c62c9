import { randomUUID } from "node:crypto";
import type { ApiClientOptions, Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "../../bot/context.js";
import { stableNumericId } from "../../lib/stable-id.js";
import type { ChatLock } from "../../bot/chat-lock.js";
import { claimedAhead, type ClaimRequest, type RunClaim, type UpdateLedger } from "../../bot/update-ledger.js";
import { chatStateKeys } from "../../bot/storage.js";
import { localBotApi, replyClientIdPrefix, takeHeld, WEBCHAT_BOT_INFO, type ReplyCollector } from "./local-bot-api.js";
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
  /** The bot gets `ledger`: it holds the claims the web chat made while storing a text. */
  buildBot: (client: ApiClientOptions, ledger: UpdateLedger) => Bot<BotContext>;
}) {
  const collectors = new Map<number, ReplyCollector>();
  const api = localBotApi(deps.transcript, (chatId) => collectors.get(chatId));
  const claims = claimedAhead(deps.ledger);
  // An update's held messages are stored in the same statement as its "done" mark.
  const ledger: UpdateLedger = {
    ...claims.ledger,
    async finish(channel, updateId, writes) {
      const [chatId, collector] = [...collectors].find(([, c]) => String(c.updateId) === updateId) ?? [];
      if (!collector || collector.held.size === 0) return claims.ledger.finish(channel, updateId, writes);
      await deps.transcript.commit(chatId!, takeHeld(collector), { channel, updateId, writes });
    },
  };
  const bot = deps.buildBot({ fetch: api.fetch }, ledger);
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

  /** The claim the bot's deduplication makes for an update of this chat (see deduplicate in src/bot). */
  const claimRequest = (chatId: number, updateId: number): ClaimRequest => ({
    channel: WEBCHAT_CHANNEL,
    updateId: String(updateId),
    exclusive: deps.chatLock.crossInstance,
    readKeys: chatStateKeys(WEBCHAT_CHANNEL, chatId),
  });

  /** Only a button the bot actually put on that message can be pressed: the page is not trusted. */
  const offers = (message: ChatMessage, button: string) => message.buttons.flat().some((b) => b.data === button);

  function pressUpdate(chatId: number, updateId: number, button: string, pressed: ChatMessage): Update {
    const from = { ...FARMER, id: chatId };
    const chat = { id: chatId, type: "private" as const, first_name: FARMER.first_name };
    return {
      update_id: updateId,
      callback_query: {
        id: String(updateId),
        from,
        chat_instance: String(chatId),
        data: button,
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
    const repliesOfFirstProcessing = async () => ({
      messages: await deps.transcript.byClientIdPrefix(chatId, replyClientIdPrefix(updateId)),
    });
    const firstProcessing = () =>
      input.clientId === undefined ? undefined : deps.ledger.state(WEBCHAT_CHANNEL, String(updateId));
    return exclusive(chatId, async () => {
      let update: Update;
      let claim: RunClaim | undefined;
      let ids: number[];
      const known = new Map<number, ChatMessage>();
      if ("text" in input) {
        // A text is stored first, and its update claimed in the same statement, as the bot would
        // claim it (a resend finds the text stored the first time, with the same client id).
        const received = await deps.transcript.receive(
          chatId,
          { fromBot: false, text: input.text, buttons: [], clientId: input.clientId },
          claimRequest(chatId, updateId),
        );
        // Refused: a resend of something already handled gets the messages its first processing sent.
        if (!received.claim && (await firstProcessing()) === "done") return repliesOfFirstProcessing();
        claim = received.claim;
        ids = received.ids;
        update = textUpdate(chatId, updateId, input.text, received.saved);
      } else {
        const { message: pressed, ids: taken } = await deps.transcript.pressed(chatId, input.messageId);
        if (!pressed?.fromBot) return undefined;
        if (!offers(pressed, input.button)) {
          // Only a resend can press a button that is gone: its first processing may have removed the
          // keyboard, and then either finished (its replies) or crashed (processed now, unchecked).
          const state = await firstProcessing();
          if (state === "done") return repliesOfFirstProcessing();
          if (state !== "processing") return undefined;
        }
        update = pressUpdate(chatId, updateId, input.button, pressed);
        ids = taken;
        known.set(pressed.messageId, pressed);
      }
      const collector: ReplyCollector = { updateId, sent: 0, messages: [], ids, held: new Map(), known };
      collectors.set(chatId, collector);
      try {
        const handling = () => bot.handleUpdate(update);
        await (claim ? claims.holding(claimRequest(chatId, updateId), claim, handling) : handling());
      } finally {
        collectors.delete(chatId);
      }
      // Sent after the update was marked done, or by an update that failed before (the apology).
      if (collector.held.size > 0) await deps.transcript.commit(chatId, takeHeld(collector));
      // A resend of a press handled before, its button still there: the bot skipped it as done. (A
      // first press that sent nothing finds nothing stored either.)
      if (collector.messages.length === 0 && "button" in input && input.clientId !== undefined)
        return repliesOfFirstProcessing();
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
