import { replyWithChoices } from "../../bot/choices.js";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { waitForInput, type Flow } from "../../bot/flow.js";
import { chatSpelling } from "../../knowledge/text/chat-spelling.js";
import { foldVietnamese } from "../../lib/vietnamese.js";
import { readYesNo } from "../../lib/yes-no.js";
import { answerQuestion } from "./index.js";

const PREFIX = "flowq:";
const MIN_WORDS = 3;
/** Question words (folded) that make a message a question even without "?". */
const ASKS_AT_END = String.raw`\b(gi|sao|nao|bao nhieu|nhieu|bao lau|may|the nao|ra sao|lam sao|o dau|ai|duoc khong|co phai|phai khong|khong|hong|chua)$`;
const ASKS_ANYWHERE = String.raw`\b(gi|sao|bao nhieu|bao lau|the nao|ra sao|lam sao|o dau|co phai|phai khong|duoc khong)\b`;
/** "Mấy" folds like "máy" (a machine): it asks only before what is counted ("mấy người", "mấy năm"). */
const HOW_MANY = String.raw`\bmay (nguoi|thanh vien|nam|thang|ngay|lan|phan tram|trieu|ty|cong|ha|loai|buoc|cach)\b`;
const ASKS = new RegExp(`${ASKS_AT_END}|${ASKS_ANYWHERE}|${HOW_MANY}`);

/** "HTX cần mấy người?", "vay được bao nhiêu vậy", "vay dc nhiu": a question, not an answer to the step. */
export function looksLikeQuestion(text: string): boolean {
  const folded = chatSpelling(foldVietnamese(text)).replace(/\s+(vay|ha|ta|nhi|nha|a|ah|ak|ne|nhe)$/, "");
  if (text.includes("?")) return folded.length > 0;
  return folded.split(" ").length >= MIN_WORDS && ASKS.test(folded);
}

export type TypedQuestionOutcome =
  | { offered: false }
  /** Ask the step again on `ctx`, or read `typed` as the step's answer (typed instead of a press). */
  | { offered: true; ctx: FlowContext; typed?: string };

/**
 * Text a step could not use that reads as a question: instead of repeating the step's prompt, the
 * farmer is offered an answer right away (the flow waits meanwhile), going on, or /huy. Anything
 * else is not offered and the step says what it expects.
 */
export async function offerTypedQuestion(
  conversation: Flow,
  ctx: FlowContext,
  latest: FlowContext,
  text: string,
): Promise<TypedQuestionOutcome> {
  if (!looksLikeQuestion(text)) return { offered: false };
  await replyWithChoices(latest, ctx.t("flowq-offer", { question: text }), [
    [{ text: ctx.t("flowq-answer"), data: `${PREFIX}answer`, means: "yes" }],
    [{ text: ctx.t("flowq-continue"), data: `${PREFIX}continue`, means: "no" }],
  ]);
  const input = await waitForInput(conversation, ctx, { stepPrefix: PREFIX, acceptText: true });
  const yesNo = input.text === undefined ? undefined : readYesNo(input.text);
  if (input.text !== undefined && !yesNo) return { offered: true, ctx: input.ctx, typed: input.text };
  if (input.choice === "answer" || yesNo === "yes") {
    // Answered outside the replay (once), on the outside context: its buttons and follow-ups work as usual.
    await conversation.external((outside: BotContext) => answerQuestion(outside, text, true));
    await input.ctx.reply(ctx.t("flowq-back-to-flow"));
  }
  return { offered: true, ctx: input.ctx };
}
