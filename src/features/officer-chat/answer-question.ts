import { Composer, type MiddlewareFn } from "grammy";
import { replyWithChoices } from "../../bot/choices.js";
import { createConversation } from "@grammyjs/conversations";
import { chatAddress, type BotContext, type FlowContext } from "../../bot/context.js";
import { officerOrRefuse } from "./index.js";
import { writeAndConfirm, type Flow } from "../../bot/flow.js";
import { ANSWER_BUTTON_PREFIX } from "../../questions/question-queue.js";
import { mayAct } from "../../staff/roles.js";
import { FLOW_IDLE_MS } from "../../bot/storage.js";

export const ANSWER_QUESTION = "officer-answer";
const BUTTON = "ocans:";
const OPEN_SHOWN = 5;

/** An officer answers one farmer's question from chat: write, check, send (to the farmer's chat). */
async function answerQuestion(conversation: Flow, ctx: FlowContext, questionId: number): Promise<void> {
  const question = await conversation.external(() => ctx.services.questions.find(questionId));
  if (question?.status !== "open") {
    await ctx.reply(ctx.t("oc-question-gone"));
    return;
  }
  await ctx.reply(ctx.t("oc-answer-ask", { reference: question.reference, question: question.text }));
  const written = await writeAndConfirm(conversation, ctx, {
    prefix: BUTTON,
    texts: {
      confirm: (answer) => ctx.t("oc-answer-confirm", { reference: question.reference, answer }),
      send: ctx.t("oc-answer-send"),
      writeAgain: ctx.t("oc-answer-again"),
      cancelled: ctx.t("oc-answer-cancelled"),
    },
  });
  if (!written) return;
  const outcome = await conversation.external(async () => {
    // Checked again at sending: the role may have changed while the officer was writing.
    const officer = await ctx.services.leads.officerForChat(chatAddress(ctx));
    if (!officer) return { ok: false as const, problem: "oc-not-officer" };
    if (!mayAct(officer.role, "question.answer")) return { ok: false as const, problem: "oc-read-only" };
    return ctx.services.questions.answer({
      id: questionId,
      answer: written.text,
      officerId: officer.id,
      at: ctx.services.now(),
    });
  });
  await written.ctx.reply(
    outcome.ok ? ctx.t("oc-answer-sent", { reference: question.reference }) : ctx.t(outcome.problem),
  );
}

/** `/cauhoi` lists the open questions; installed before the flows so it works in the middle of one. */
export function openQuestionsCommand(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("cauhoi", async (ctx) => {
    const officer = await officerOrRefuse(ctx, "read");
    if (!officer) return;
    const { questions, total } = await ctx.services.questions.open(OPEN_SHOWN);
    const canAnswer = mayAct(officer.role, "question.answer");
    if (total === 0) {
      await ctx.reply(ctx.t("oc-questions-none"));
      return;
    }
    await ctx.reply(ctx.t("oc-questions-header", { total }));
    for (const q of questions) {
      const buttons = canAnswer ? [[{ text: ctx.t("oc-button-answer"), data: `${ANSWER_BUTTON_PREFIX}${q.id}` }]] : [];
      await replyWithChoices(ctx, ctx.t("oc-question-new", { reference: q.reference, question: q.text }), buttons);
    }
  });
  return composer;
}

/**
 * Officers answer farmers' questions in chat as well as in the dashboard: *Trả lời* (under each
 * new-question notification and each `/cauhoi` item) opens the answer flow.
 */
export function answerQuestionFeature(flowPlugins: MiddlewareFn<FlowContext>[]): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(
    createConversation(answerQuestion, {
      id: ANSWER_QUESTION,
      plugins: flowPlugins,
      maxMillisecondsToWait: FLOW_IDLE_MS,
    }),
  );

  composer.callbackQuery(new RegExp(`^${ANSWER_BUTTON_PREFIX}(\\d+)$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    if (!(await officerOrRefuse(ctx, "question.answer"))) return;
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(ANSWER_QUESTION, Number(ctx.match[1]));
  });
  return composer;
}
