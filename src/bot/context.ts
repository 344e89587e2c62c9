import type { Context, SessionFlavor } from "grammy";
import type { ConversationFlavor } from "@grammyjs/conversations";
import type { Logger } from "../logger.js";
import type { Translate } from "../i18n/translate.js";
import type { Services } from "./services.js";
import type { ChatAddress } from "../outbound/outbox.js";
import type { ChoiceRenderer } from "./choices.js";

/** Per-chat data kept between updates (in the database). Keep it small and JSON-serializable. */
export interface SessionData {
  /** Set when the farmer first talked to the bot; used to greet newcomers differently. */
  firstSeenAt?: string;
  /** The last free-text question and its suggested follow-ups, for the buttons under the answer. */
  lastQuestion?: string;
  followUps?: string[];
  /** When the active flow began (ISO time), so /huy can drop the web chat lines typed in it. */
  flowStartedAt?: string;
  /** When the farmer was last asked whether they want announcements (ISO time): asked once, not at every step. */
  subscriptionOfferedAt?: string;
  /** When the farmer stopped announcements (ISO time): they are not offered again; /thongbao stays open to them. */
  subscriptionStoppedAt?: string;
}

/** What every handler gets, inside and outside conversations. */
export interface BaseContextFlavor {
  t: Translate;
  logger: Logger;
  services: Services;
  /** The transport this update came through: "telegram", "webchat", later "zalo". */
  channel: string;
  /** How this channel shows choices (buttons, a numbered list); use `replyWithChoices`. */
  renderChoices: ChoiceRenderer;
  /** Whether a sent message with choices can be edited (Telegram, the web chat; not Zalo): see `updateChoices`. */
  editsChoices: boolean;
}

export type BotContext = ConversationFlavor<Context & SessionFlavor<SessionData> & BaseContextFlavor>;

/** Context inside conversations: plugins are re-installed there, so it carries the same helpers. */
export type FlowContext = Context & BaseContextFlavor;

/** Where this update came from, as services address chats (leads, questions, the outbox). */
export const chatAddress = (ctx: { channel: string; chatId?: number }): ChatAddress => ({
  channel: ctx.channel,
  chatId: String(ctx.chatId),
});
