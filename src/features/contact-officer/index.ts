import { Composer, InlineKeyboard } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { waitForButton, waitForText, type Flow } from "../../bot/flow.js";
import type { MiddlewareFn } from "grammy";

export const CONTACT_OFFICER = "contact-officer";
const BUTTON = "officer:";

/** A question the farmer already typed (e.g. one the knowledge base could not answer) skips the first step. */
export interface ContactOfficerStart {
  question: string;
  origin: "contact" | "unanswered";
}

/** *Gặp cán bộ*: the farmer writes a question, checks it, and it goes to the officers' queue. */
async function contactOfficer(conversation: Flow, ctx: FlowContext, start?: ContactOfficerStart): Promise<void> {
  if (!start) await ctx.reply(ctx.t("officer-ask"));
  let prefilled = start?.question;
  for (;;) {
    const question = prefilled ?? (await waitForText(conversation, ctx));
    prefilled = undefined;
    const keyboard = new InlineKeyboard()
      .text(ctx.t("officer-send"), `${BUTTON}send`)
      .row()
      .text(ctx.t("officer-rewrite"), `${BUTTON}rewrite`)
      .text(ctx.t("officer-cancel"), `${BUTTON}cancel`);
    await ctx.reply(ctx.t("officer-confirm", { question }), { reply_markup: keyboard });
    const { ctx: pressed, choice } = await waitForButton(conversation, ctx, BUTTON);
    if (choice === "rewrite") {
      await pressed.reply(ctx.t("officer-ask-again"));
      continue;
    }
    if (choice === "cancel") {
      await pressed.reply(ctx.t("officer-cancelled"));
      return;
    }
    const queued = await conversation.external(() =>
      ctx.services.questions.submit({ channel: ctx.channel, chatId: String(ctx.chatId), text: question, origin: start?.origin ?? "contact", at: ctx.services.now() }),
    );
    await pressed.reply(ctx.t("officer-sent", { reference: queued.reference }));
    return;
  }
}

export function contactOfficerFeature(flowPlugins: MiddlewareFn<FlowContext>[]): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(createConversation(contactOfficer, { id: CONTACT_OFFICER, plugins: flowPlugins }));
  return composer;
}

export const enterContactOfficer = (ctx: BotContext, start?: ContactOfficerStart) =>
  start ? ctx.conversation.enter(CONTACT_OFFICER, start) : ctx.conversation.enter(CONTACT_OFFICER);
