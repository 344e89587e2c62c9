import { Composer } from "grammy";
import { replyWithChoices, type ChoiceRows } from "../../bot/choices.js";
import type { BotContext } from "../../bot/context.js";
import type { Answer } from "../../knowledge/index.js";
import { enterContactOfficer } from "../contact-officer/index.js";
import { MENU_CALLBACK_PREFIX, mainMenuChoices } from "../menu/main-menu.js";
import { wishedMenuItem } from "../menu/typed-menu-item.js";
import { findMentionedPlace } from "../../places/mentioned-place.js";
import { findPlaceQuestion } from "../../places/place-question.js";
import { placeAnswer, placeLine } from "./place-answer.js";
import { metrics } from "../../metrics.js";
import { offerSubscription, takeOfferTurn } from "../subscriptions/offer.js";

const EXAMPLES = 3;

/**
 * Choices under an answer: what the farmer said they want to do ("em muốn đăng ký vô HTX"), read the
 * source in full, ask an officer, follow-up questions (the likeliest topics when the answer hedges);
 * small talk gets the main menu instead.
 */
function answerChoices(ctx: BotContext, question: string, answer: Answer, midFlow: boolean): ChoiceRows {
  // In the middle of a flow the farmer goes back to its step: no menu leading elsewhere.
  if (answer.showMenu) return midFlow ? [] : mainMenuChoices(ctx.t);
  const wished = wishedMenuItem(question);
  const action = wished ? [[{ text: ctx.t(`menu-${wished}`), data: `${MENU_CALLBACK_PREFIX}${wished}` }]] : [];
  const [best] = answer.sources;
  const first = [
    ...(best && !answer.declined ? [{ text: ctx.t("qa-read-full"), data: `law:s:${best.sectionId}` }] : []),
    { text: ctx.t(answer.suggestOfficer ? "qa-send-to-officer" : "qa-ask-officer"), data: "qa:officer" },
  ];
  return [
    ...action,
    first,
    ...answer.followUps.map((followUp, i) => [{ text: `❓ ${followUp}`, data: `qa:more:${i}` }]),
  ];
}

/** `midFlow`: asked in the middle of a flow, which goes on after the answer (see in-flow.ts). */
export async function answerQuestion(ctx: BotContext, question: string, midFlow = false): Promise<void> {
  await ctx.replyWithChatAction("typing").catch(() => undefined);
  const asksForPlace = findPlaceQuestion(question, ctx.services.places);
  if (asksForPlace) {
    ctx.session.lastQuestion = question;
    ctx.session.followUps = [];
    const officer = asksForPlace.kind === "unknown" ? [[{ text: ctx.t("qa-ask-officer"), data: "qa:officer" }]] : [];
    await replyWithChoices(ctx, placeAnswer(ctx.t, asksForPlace), officer);
    return;
  }
  const answer = await ctx.services.knowledge.answer(question);
  ctx.session.lastQuestion = question;
  ctx.session.followUps = answer.followUps;
  ctx.logger.info(
    { declined: answer.declined, sources: answer.sources.length, confidence: Number(answer.confidence.toFixed(2)) },
    "question answered",
  );
  metrics.answer(
    answer.declined ? "declined" : answer.sources.length === 0 ? "miss" : answer.suggestOfficer ? "hedged" : "answered",
  );
  const place = answer.showMenu ? null : findMentionedPlace(question, ctx.services.places);
  const text = place ? `${answer.answer}\n${placeLine(ctx.t, place)}` : answer.answer;
  await replyWithChoices(ctx, text, answerChoices(ctx, question, answer, midFlow));
  // Announcements are offered once, after the first answer that actually helped, never inside a flow.
  const helped = !midFlow && !answer.declined && !answer.suggestOfficer && !answer.showMenu;
  if (helped && (await takeOfferTurn(ctx))) await offerSubscription(ctx);
}

export async function showAskPrompt(ctx: BotContext): Promise<void> {
  const examples = Array.from({ length: EXAMPLES }, (_, i) => [
    { text: ctx.t(`qa-example-${i + 1}`), data: `qa:ex:${i + 1}` },
  ]);
  await replyWithChoices(ctx, ctx.t("qa-prompt"), examples);
}

/**
 * *Hỏi đáp*: free text outside a flow is a question for the knowledge base; the answer is short,
 * cited, and offers the full source, an officer, and follow-up questions.
 */
export function askFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.callbackQuery(/^qa:ex:(\d)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    await answerQuestion(ctx, ctx.t(`qa-example-${ctx.match[1]}`));
  });

  composer.callbackQuery(/^qa:more:(\d)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const question = ctx.session.followUps?.[Number(ctx.match[1])];
    if (question) await answerQuestion(ctx, question);
    else await showAskPrompt(ctx);
  });

  composer.callbackQuery("qa:officer", async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    const question = ctx.session.lastQuestion;
    await enterContactOfficer(ctx, question ? { question, origin: "unanswered" } : undefined);
  });

  composer.on("message:text", async (ctx) => {
    if (ctx.message.text.startsWith("/")) {
      await ctx.reply(ctx.t("qa-unknown-command"));
      return;
    }
    await answerQuestion(ctx, ctx.message.text);
  });
  return composer;
}
