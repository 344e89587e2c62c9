import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { replyWithChoices } from "../../bot/choices.js";
import { mainMenuChoices } from "../menu/main-menu.js";
import { isInFlow } from "../../bot/flow.js";

/**
 * The last stop: anything no feature took. Media gets a polite note (we read text and buttons only);
 * an old button (e.g. from an answered step, before a restart or an update) is said to be old, with the
 * menu, or, in the middle of a flow, with a word that the flow's question above still waits.
 */
export function fallbackFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on(
    [
      "message:sticker",
      "message:photo",
      "message:voice",
      "message:audio",
      "message:video",
      "message:video_note",
      "message:document",
      "message:animation",
      "message:location",
      "message:contact",
    ],
    (ctx) => replyWithChoices(ctx, ctx.t("fallback-media"), mainMenuChoices(ctx.t)),
  );
  // A message, not the press's toast: the web chat shows no toast and a cheap phone's vanishes at once.
  composer.on("callback_query", async (ctx) => {
    await ctx.answerCallbackQuery();
    if (await isInFlow(ctx)) await ctx.reply(ctx.t("fallback-old-button-in-flow"));
    else await replyWithChoices(ctx, ctx.t("fallback-old-button"), mainMenuChoices(ctx.t));
  });
  composer.on("message", (ctx) => replyWithChoices(ctx, ctx.t("fallback-unknown"), mainMenuChoices(ctx.t)));
  return composer;
}
