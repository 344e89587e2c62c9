import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.js";
import type { Answer } from "../../knowledge/index.js";
import { enterContactOfficer } from "../contact-officer/index.js";

const EXAMPLES = 3;

/** Buttons under an answer: read the source in full, ask an officer, follow-up questions. */
function answerKeyboard(ctx: BotContext, answer: Answer): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const [best] = answer.sources;
  if (best && !answer.declined) keyboard.text(ctx.t("qa-read-full"), `law:s:${best.sectionId}`);
  keyboard.text(ctx.t(answer.suggestOfficer ? "qa-send-to-officer" : "qa-ask-officer"), "qa:officer").row();
  answer.followUps.forEach((question, i) => keyboard.text(`❓ ${question}`, `qa:more:${i}`).row());
  return keyboard;
}

export async function answerQuestion(ctx: BotContext, question: string): Promise<void> {
  await ctx.replyWithChatAction("typing").catch(() => undefined);
  const answer = await ctx.services.knowledge.answer(question);
  ctx.session.lastQuestion = question;
  ctx.session.followUps = answer.followUps;
  ctx.logger.info({ declined: answer.declined, sources: answer.sources.length, confidence: Number(answer.confidence.toFixed(2)) }, "question answered");
  await ctx.reply(answer.answer, { reply_markup: answerKeyboard(ctx, answer) });
}

export async function showAskPrompt(ctx: BotContext): Promise<void> {
  const keyboard = new InlineKeyboard();
  for (let i = 1; i <= EXAMPLES; i++) keyboard.text(ctx.t(`qa-example-${i}`), `qa:ex:${i}`).row();
  await ctx.reply(ctx.t("qa-prompt"), { reply_markup: keyboard });
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
