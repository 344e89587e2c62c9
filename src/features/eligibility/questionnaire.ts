import type { FlowContext } from "../../bot/context.js";
import { replyWithChoices, type Choice } from "../../bot/choices.js";
import type { Services } from "../../bot/services.js";
import { waitForInput, type Flow, type FlowInput } from "../../bot/flow.js";
import { offerTypedQuestion } from "../ask/in-flow.js";
import {
  answerButtons,
  formatProgress,
  plan,
  readAnswer,
  type AnswerReading,
  type AnswerValue,
  type Answers,
  type Progress,
  type Question,
} from "../../eligibility/index.js";
import { lookUpCommune, type CommuneChoice } from "./commune.js";

/** `elig:q:<questionId>:<token>`: token is a button index, "back", or "c<commune code>". */
const QUESTION_BUTTON = "elig:q:";

interface Step {
  question: Question;
  progress: Progress;
}

export interface QuestionnaireStart {
  answers: Answers;
  /** A question to ask first (the one the farmer chose to change), with the answer it had. */
  pending?: { id: string; previous: string };
  ctx: FlowContext;
}

/** Rules and clock are read in `conversation.external`, so a replay asks the same question again. */
function planStep(services: Services, answers: Answers, pending: string | undefined): Step | undefined {
  const { rules } = services.eligibility;
  const asOf = services.now();
  const { next, progress } = plan(rules, answers, asOf);
  const question = pending !== undefined ? rules.questionById.get(pending) : next;
  return question && { question, progress };
}

/** How a stored answer reads back to the farmer ("Có", "12 người", "Không biết"). */
export function answerDisplay(question: Question, value: AnswerValue): string {
  const reading = readAnswer(question, value);
  return reading.ok ? reading.display : String(value);
}

type Reply = { ctx: FlowContext; back: true } | { ctx: FlowContext; back: false; value: AnswerValue | "unknown" };

/** Asks one question until it gets a readable answer (or "Quay lại"). */
async function askOne(
  conversation: Flow,
  ctx: FlowContext,
  step: Step,
  canGoBack: boolean,
  previous?: string,
): Promise<Reply> {
  const { question } = step;
  const buttons = answerButtons(question);
  const data = (token: string | number) => `${QUESTION_BUTTON}${question.id}:${token}`;
  const choices: Choice[] = buttons.map((b, i) => ({
    text: b.label,
    data: data(i),
    ...(typeof b.value === "boolean" ? { means: b.value ? "yes" : "no" } : {}),
  }));
  // Options are long phrases: one per row; Có / Không / Không biết fit on one.
  const rows = [
    ...(question.type === "choice" ? choices.map((c) => [c]) : [choices]),
    canGoBack ? [{ text: ctx.t("elig-button-back"), data: data("back") }] : [],
  ];
  const text = [
    `${formatProgress(step.progress)}: ${question.text}`,
    ...(question.help ? [question.help] : []),
    ...(previous ? [ctx.t("elig-previous", { answer: previous })] : []),
  ].join("\n");
  // A number question is answered by typing the number: its choices must not be numbered too.
  const sent = await replyWithChoices(ctx, text, rows, { numbersAreAnswers: question.type === "number" });
  // The question message keeps the answer and loses its buttons, so the chat reads as a record.
  const close = (latest: FlowContext, answer: string) =>
    latest.api
      .editMessageText(sent.chat.id, sent.message_id, `${text}\n${ctx.t("elig-answered", { answer })}`)
      .catch(() => undefined);
  const communes = new Map<string, CommuneChoice>();
  let next: FlowInput | undefined;
  /** A typed question instead of an answer: offered an answer, then this question again. */
  const offered = async (latest: FlowContext, typed: string): Promise<boolean> => {
    const offer = await offerTypedQuestion(conversation, ctx, latest, typed);
    if (!offer.offered) return false;
    if (offer.typed !== undefined) next = { ctx: offer.ctx, text: offer.typed };
    else await replyWithChoices(offer.ctx, text, rows, { numbersAreAnswers: question.type === "number" });
    return true;
  };

  for (;;) {
    const input =
      next ??
      (await waitForInput(conversation, ctx, { stepPrefix: data(""), flowPrefix: QUESTION_BUTTON, acceptText: true }));
    next = undefined;
    const latest = input.ctx;
    let reading: AnswerReading;
    if (input.choice !== undefined) {
      if (input.choice === "back") {
        await close(latest, ctx.t("elig-button-back"));
        return { ctx: latest, back: true };
      }
      const commune = input.choice.startsWith("c") ? communes.get(input.choice.slice(1)) : undefined;
      if (commune) await latest.editMessageReplyMarkup().catch(() => undefined);
      const button = buttons[Number(input.choice)];
      const value = commune?.value ?? button?.value;
      if (value === undefined) {
        await latest.reply(ctx.t("flow-old-button"));
        continue;
      }
      reading = readAnswer(question, value);
    } else {
      reading = readAnswer(question, input.text);
      if (question.type === "commune" && !(reading.ok && reading.value === "unknown")) {
        const typed = input.text;
        const lookup = await conversation.external(() => lookUpCommune(ctx.services.places, typed));
        if ("accepted" in lookup) {
          const { formerName, value } = lookup.accepted;
          if (formerName) await latest.reply(ctx.t("elig-commune-former", { former: formerName, name: value }));
          reading = readAnswer(question, value);
        } else if (lookup.suggestions.length > 0) {
          for (const s of lookup.suggestions) communes.set(s.code, s);
          await replyWithChoices(
            latest,
            ctx.t("elig-commune-did-you-mean"),
            lookup.suggestions.map((s) => [{ text: s.label, data: data(`c${s.code}`) }]),
          );
          continue;
        } else {
          if (!(await offered(latest, typed))) await latest.reply(ctx.t("elig-commune-not-found"));
          continue;
        }
      }
    }
    if (!reading.ok) {
      // The reason comes with the buttons again: the question's own may be far up the chat by now.
      if (input.text === undefined || !(await offered(latest, input.text)))
        await replyWithChoices(latest, reading.reason, rows, { numbersAreAnswers: question.type === "number" });
      continue;
    }
    await close(latest, reading.display);
    return { ctx: latest, back: false, value: reading.value };
  }
}

/**
 * Asks what still matters, in questions.yaml order, until nothing more can change a result.
 * "Quay lại" removes the last answer given in this run and asks that question again.
 */
export async function askQuestions(
  conversation: Flow,
  start: QuestionnaireStart,
): Promise<{ answers: Answers; ctx: FlowContext }> {
  let { answers, ctx } = start;
  let pending = start.pending;
  const asked: string[] = [];
  for (;;) {
    const current = answers;
    const pendingId = pending?.id;
    const step = await conversation.external(() => planStep(ctx.services, current, pendingId));
    if (!step) return { answers, ctx };
    const reply = await askOne(conversation, ctx, step, asked.length > 0, pending?.previous);
    ctx = reply.ctx;
    pending = undefined;
    if (reply.back) {
      answers = Object.fromEntries(Object.entries(answers).filter(([id]) => id !== asked.at(-1)));
      asked.pop();
      continue;
    }
    answers = { ...answers, [step.question.id]: reply.value };
    asked.push(step.question.id);
  }
}
