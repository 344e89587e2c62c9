import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.js";

/**
 * Free text outside a flow is a question for the knowledge base. Until the knowledge service is
 * wired in, the farmer is told honestly that answers are coming and offered an officer.
 */
export function askFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("message:text", async (ctx) => {
    if (ctx.message.text.startsWith("/")) {
      await ctx.reply(ctx.t("qa-unknown-command"));
      return;
    }
    await ctx.reply(ctx.t("qa-coming-soon"), { reply_markup: new InlineKeyboard().text(ctx.t("menu-officer"), "menu:officer") });
  });
  return composer;
}

export const showAskPrompt = (ctx: BotContext) => ctx.reply(ctx.t("qa-prompt"));
