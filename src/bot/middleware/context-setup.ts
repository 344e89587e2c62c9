import { createHmac } from "node:crypto";
import type { MiddlewareFn } from "grammy";
import type { Logger } from "../../logger.js";
import type { Translate } from "../../i18n/translate.js";
import type { Services } from "../services.js";
import type { BaseContextFlavor } from "../context.js";
import type { ChoiceRenderer } from "../choices.js";
import type { Context } from "grammy";

/**
 * Chat ids are pseudonymised in logs so a log line cannot be tied to a farmer on its own. The tag
 * is keyed: Telegram ids are enumerable, so a plain hash could be reversed by trying them all. The
 * key is shared by every instance (kept in the database), so one chat has one tag in all their logs.
 */
export function chatTag(key: Buffer, chatId: number | string | undefined): string | undefined {
  if (chatId === undefined) return undefined;
  return createHmac("sha256", key).update(String(chatId)).digest("hex").slice(0, 10);
}

export interface ContextSetupDeps {
  channel: string;
  logger: Logger;
  translate: Translate;
  services: Services;
  renderChoices: ChoiceRenderer;
  editsChoices: boolean;
  /** Key of the chat tags in logs (see chatTag). */
  tagKey: Buffer;
}

/** Gives each update its translator, services and a child logger carrying the update id. */
export function contextSetup<C extends Context & BaseContextFlavor>(deps: ContextSetupDeps): MiddlewareFn<C> {
  return async (ctx, next) => {
    ctx.channel = deps.channel;
    ctx.t = deps.translate;
    ctx.services = deps.services;
    ctx.renderChoices = deps.renderChoices;
    ctx.editsChoices = deps.editsChoices;
    ctx.logger = deps.logger.child({
      channel: deps.channel,
      update_id: ctx.update.update_id,
      chat: chatTag(deps.tagKey, ctx.chatId),
    });
    await next();
  };
}
