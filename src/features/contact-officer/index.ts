import { Composer } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import { chatAddress, type BotContext, type FlowContext } from "../../bot/context.js";
import { writeAndConfirm, type Flow } from "../../bot/flow.js";
import type { MiddlewareFn } from "grammy";
import { FLOW_IDLE_MS } from "../../bot/storage.js";

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
  const written = await writeAndConfirm(conversation, ctx, {
    prefix: BUTTON,
    written: start?.question,
    texts: {
      confirm: (question) => ctx.t("officer-confirm", { question }),
      send: ctx.t("officer-send"),
      writeAgain: ctx.t("officer-ask-again"),
      cancelled: ctx.t("officer-cancelled"),
    },
  });
  if (!written) return;
  const queued = await conversation.external(() =>
    ctx.services.questions.submit({
      ...chatAddress(ctx),
      text: written.text,
      origin: start?.origin ?? "contact",
      at: ctx.services.now(),
    }),
  );
  await written.ctx.reply(ctx.t("officer-sent", { reference: queued.reference }));
}

export function contactOfficerFeature(flowPlugins: MiddlewareFn<FlowContext>[]): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(
    createConversation(contactOfficer, {
      id: CONTACT_OFFICER,
      plugins: flowPlugins,
      maxMillisecondsToWait: FLOW_IDLE_MS,
    }),
  );
  return composer;
}

export const enterContactOfficer = (ctx: BotContext, start?: ContactOfficerStart) =>
  start ? ctx.conversation.enter(CONTACT_OFFICER, start) : ctx.conversation.enter(CONTACT_OFFICER);
