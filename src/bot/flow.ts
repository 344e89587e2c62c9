import type { Conversation } from "@grammyjs/conversations";
import type { BotContext, FlowContext } from "./context.js";
import { replyWithChoices, typedStepChoice, type ChoiceRows } from "./choices.js";

/** The conversation type every flow uses: outside context BotContext, inside FlowContext. */
export type Flow = Conversation<BotContext, FlowContext>;

/** Whether a flow (registration, eligibility check, …) is waiting for this chat's next answer. */
export const isInFlow = async (ctx: BotContext) => Object.keys(await ctx.conversation.active()).length > 0;

export type FlowInput =
  { ctx: FlowContext; choice: string; text?: undefined } | { ctx: FlowContext; text: string; choice?: undefined };

export interface InputOptions {
  /** Callback data of this step's buttons starts with this; `choice` is the rest. */
  stepPrefix: string;
  /** Callback data of every step of this flow; a button of an earlier step gets a reminder. */
  flowPrefix?: string;
  /** Whether typed text answers this step (otherwise the farmer is asked to press a button). */
  acceptText: boolean;
}

/**
 * The next input for a step of a flow. Buttons of other features (menu, results of an earlier
 * check) fall through to the rest of the bot; stickers, photos, voice and files get a polite
 * reminder and the flow keeps waiting, so nothing typed before is lost.
 */
export async function waitForInput(conversation: Flow, ctx: FlowContext, options: InputOptions): Promise<FlowInput> {
  const flowPrefix = options.flowPrefix ?? options.stepPrefix;
  for (;;) {
    const next = await conversation.wait();
    const data = next.callbackQuery?.data;
    if (data !== undefined) {
      if (!data.startsWith(flowPrefix)) await conversation.skip({ next: true });
      await next.answerCallbackQuery();
      if (data.startsWith(options.stepPrefix)) return { ctx: next, choice: data.slice(options.stepPrefix.length) };
      await next.reply(ctx.t("flow-old-button"));
      continue;
    }
    const text = next.message?.text;
    if (text !== undefined && options.acceptText) return { ctx: next, text: text.trim() };
    await next.reply(ctx.t(text !== undefined ? "flow-button-expected" : "flow-text-expected"));
  }
}

/** Like waitForInput; a pressed keyboard is removed so it cannot be pressed twice. */
async function waitAndCloseKeyboard(
  conversation: Flow,
  ctx: FlowContext,
  stepPrefix: string,
  acceptText: boolean,
): Promise<FlowInput> {
  const input = await waitForInput(conversation, ctx, { stepPrefix, acceptText });
  if (input.choice !== undefined) await input.ctx.editMessageReplyMarkup().catch(() => undefined);
  return input;
}

/** Typed text or one of this step's buttons: most questions offer buttons and still accept typing. */
export const waitForAnswer = (conversation: Flow, ctx: FlowContext, stepPrefix: string) =>
  waitAndCloseKeyboard(conversation, ctx, stepPrefix, true);

/** One of this step's buttons; typed text gets a reminder to use them. */
export async function waitForButton(
  conversation: Flow,
  ctx: FlowContext,
  stepPrefix: string,
): Promise<{ ctx: FlowContext; choice: string }> {
  const input = await waitAndCloseKeyboard(conversation, ctx, stepPrefix, false);
  return { ctx: input.ctx, choice: input.choice! };
}

/** One of these buttons, pressed or named in words ("gửi đi"); other text gets a reminder to use them. */
export async function waitForChoice(
  conversation: Flow,
  ctx: FlowContext,
  stepPrefix: string,
  rows: ChoiceRows,
): Promise<{ ctx: FlowContext; choice: string }> {
  for (;;) {
    const input = await waitForAnswer(conversation, ctx, stepPrefix);
    if (input.choice !== undefined) return { ctx: input.ctx, choice: input.choice };
    const named = typedStepChoice(input.text, rows, stepPrefix);
    if (named !== undefined) return { ctx: input.ctx, choice: named };
    await input.ctx.reply(ctx.t("flow-button-expected"));
  }
}

/** Typed text only (a name, a question). */
export async function waitForText(conversation: Flow, ctx: FlowContext): Promise<string> {
  const reply = await conversation.waitFor("message:text", {
    otherwise: (other) => other.reply(ctx.t("flow-text-expected")),
  });
  return reply.message.text.trim();
}

export interface WriteAndConfirmTexts {
  /** The confirmation shown under what was written, e.g. "Gửi cho cán bộ nha?". */
  confirm(text: string): string;
  send: string;
  /** Said when the writer chose to write again, and when they gave up. */
  writeAgain: string;
  cancelled: string;
}

/**
 * Write a text, see it back with *Gửi* / *Viết lại* / *Thôi*, and only then send: a question to
 * officers, an officer's answer. Returns what was written and the context of the *Gửi* press, or
 * undefined when the writer gave up.
 */
export async function writeAndConfirm(
  conversation: Flow,
  ctx: FlowContext,
  options: {
    prefix: string;
    texts: WriteAndConfirmTexts;
    written?: string;
    /** Why a text cannot be sent (too long, say), asked again at once rather than refused after *Gửi*. */
    problem?: (text: string) => string | undefined;
  },
): Promise<{ ctx: FlowContext; text: string } | undefined> {
  let written = options.written;
  for (;;) {
    const text = written ?? (await waitForText(conversation, ctx));
    written = undefined;
    const problem = options.problem?.(text);
    if (problem) {
      await ctx.reply(problem);
      continue;
    }
    const rows = [
      [{ text: options.texts.send, data: `${options.prefix}send`, means: "yes" as const }],
      [
        { text: ctx.t("flow-rewrite"), data: `${options.prefix}rewrite` },
        { text: ctx.t("flow-cancel"), data: `${options.prefix}cancel` },
      ],
    ];
    await replyWithChoices(ctx, options.texts.confirm(text), rows);
    const { ctx: pressed, choice } = await waitForChoice(conversation, ctx, options.prefix, rows);
    if (choice === "send") return { ctx: pressed, text };
    await pressed.reply(choice === "rewrite" ? options.texts.writeAgain : options.texts.cancelled);
    if (choice !== "rewrite") return undefined;
  }
}
