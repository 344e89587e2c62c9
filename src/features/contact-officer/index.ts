import { Composer } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import { chatAddress, type BotContext, type FlowContext } from "../../bot/context.js";
import { writeAndConfirm, type Flow } from "../../bot/flow.js";
import type { MiddlewareFn } from "grammy";
import { FLOW_IDLE_MS } from "../../bot/storage.js";
import { replyWithChoices, typedStepChoice } from "../../bot/choices.js";
import { FARMER_REPLY_PREFIX, farmerReplyChoice } from "../../leads/officer-messages.js";
import { mainMenuChoices } from "../menu/main-menu.js";
import { asksOfficerAbout } from "../menu/typed-menu-item.js";
import { foldVietnamese } from "../../lib/vietnamese.js";
import { LEAD_REFERENCE_PATTERN } from "../../leads/reference-code.js";
import { QUESTION_REFERENCE_PATTERN } from "../../questions/question-queue.js";

export const CONTACT_OFFICER = "contact-officer";
const BUTTON = "officer:";

/**
 * A question the farmer already typed (e.g. one the knowledge base could not answer) skips the first
 * step; `replyTo` is the lead an officer wrote about, or the question an officer answered, when the
 * farmer answers that message.
 */
export type ContactOfficerStart =
  { question: string; origin: "contact" | "unanswered" } | { replyTo: string; written?: string };

/** *Gặp cán bộ*: the farmer writes a question, checks it, and it goes to the officers' queue. */
async function contactOfficer(conversation: Flow, ctx: FlowContext, start?: ContactOfficerStart): Promise<void> {
  const typed = start && "question" in start ? start : undefined;
  const reply = start && "replyTo" in start ? start : undefined;
  const replyTo = reply?.replyTo;
  const alreadyWritten = typed?.question ?? reply?.written;
  if (replyTo && !alreadyWritten) await ctx.reply(ctx.t("officer-reply-ask", { reference: replyTo }));
  else if (!replyTo && !typed) await ctx.reply(ctx.t("officer-ask"));
  const written = await writeAndConfirm(conversation, ctx, {
    prefix: BUTTON,
    written: alreadyWritten,
    texts: {
      confirm: (question) => ctx.t(replyTo ? "officer-reply-confirm" : "officer-confirm", { question }),
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
      origin: typed?.origin ?? "contact",
      at: ctx.services.now(),
      replyTo,
      submission: `${ctx.channel}:${written.ctx.update.update_id}`,
    }),
  );
  await written.ctx.reply(ctx.t(replyTo ? "officer-reply-sent" : "officer-sent", { reference: queued.reference }));
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

/**
 * «Trả lời cán bộ» under an officer's message about a lead or answer to a question: the answer goes
 * to the officers like a question. Typed instead of pressed ("tra loi can bo", read as that button's
 * label), it answers the officers' latest word to this chat, as its button would; typed with the
 * reply after it ("tra loi can bo: mai tui ranh"), that reply is shown back to be sent.
 */
export function farmerReplyFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(
    new RegExp(`^${FARMER_REPLY_PREFIX}(${LEAD_REFERENCE_PATTERN}|${QUESTION_REFERENCE_PATTERN})$`),
    async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.conversation.exitAll();
      await enterContactOfficer(ctx, { replyTo: ctx.match[1]! });
    },
  );
  composer.on("message:text", async (ctx, next) => {
    const button = [[farmerReplyChoice("", ctx.t)]];
    const text = ctx.message.text;
    const written = typedStepChoice(text, button, FARMER_REPLY_PREFIX) === undefined ? replyAfterLabel(text) : "";
    if (written === undefined) return next();
    const reference = await ctx.services.questions.lastOfficerWord(chatAddress(ctx));
    if (reference) await enterContactOfficer(ctx, { replyTo: reference, written: written || undefined });
    // Words after "trả lời cán bộ" with nobody to answer are an ordinary message.
    else if (written) await next();
    else await replyWithChoices(ctx, ctx.t("officer-reply-nothing"), mainMenuChoices(ctx.t));
  });
  return composer;
}

/** "trả lời cán bộ" written in words: these four, folded, open a message. */
const REPLY_LABEL_WORDS = "tra loi can bo";
/** Four words, then separators (a space, ":" or ","), then the reply. */
const LABEL_THEN_REPLY = /^\s*(\S+\s+\S+\s+\S+\s+[^\s:,.;!?\-–]+)[\s:,.;!?\-–]+(\S.*)$/su;

/** The farmer's reply typed after the button's words ("tra loi can bo: dạ mai tui rảnh"), if any. */
function replyAfterLabel(text: string): string | undefined {
  const match = LABEL_THEN_REPLY.exec(text);
  if (!match || foldVietnamese(match[1]!) !== REPLY_LABEL_WORDS) return undefined;
  return match[2]!.trim();
}

export const enterContactOfficer = (ctx: BotContext, start?: ContactOfficerStart) =>
  start ? ctx.conversation.enter(CONTACT_OFFICER, start) : ctx.conversation.enter(CONTACT_OFFICER);

/**
 * The menu's *Gặp cán bộ*. A typed request that says what about ("tui muốn hỏi cán bộ về vay vốn")
 * keeps the farmer's words as the question: they see it and send it, as a question the bot could
 * not answer.
 */
export const openContactOfficer = (ctx: BotContext) => {
  const typed = ctx.message?.text;
  return enterContactOfficer(
    ctx,
    typed && asksOfficerAbout(typed) ? { question: typed, origin: "contact" } : undefined,
  );
};
