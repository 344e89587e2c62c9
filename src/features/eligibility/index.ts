import { Composer, type MiddlewareFn } from "grammy";
import { inRows, replyWithChoices } from "../../bot/choices.js";
import { createConversation } from "@grammyjs/conversations";
import { chatAddress, type BotContext, type FlowContext } from "../../bot/context.js";
import { waitForButton, type Flow } from "../../bot/flow.js";
import type { Answers, StoredCheck } from "../../eligibility/index.js";
import type { LeadDraft } from "../../leads/lead.js";
import type { PlaceResolver } from "../../places/resolver.js";
import { REGISTER } from "../register/index.js";
import { answerDisplay, askQuestions, type QuestionnaireStart } from "./questionnaire.js";
import {
  AGAIN_BUTTON,
  REGISTER_BUTTON,
  RESULT_BUTTON,
  resultDetail,
  resultMessages,
  type ResultDetail,
} from "./results.js";
import { FLOW_IDLE_MS } from "../../bot/storage.js";

export const ELIGIBILITY = "eligibility";
/** `elig:e:<n>` picks the n-th previous answer to change, `elig:e:new` starts over. */
const EDIT_BUTTON = "elig:e:";
const EDIT_PER_ROW = 5;

/** Conversation arguments (stored as JSON): a re-run starts from a stored check. */
interface EligibilityArgs {
  rerunOf?: number;
}

/** Callback data can be forged: a check is only shown in the chat that made it. */
function ownedBy(check: StoredCheck | undefined, ctx: { channel: string; chatId?: number }): check is StoredCheck {
  return check !== undefined && check.channel === ctx.channel && check.chatId === String(ctx.chatId);
}

/**
 * *Kiểm tra lại*: the farmer sees the previous answers, numbered, and picks one to change (asked
 * first, with the old answer shown); the others are kept, and any question that now matters is
 * asked too. Or starts over. Undefined when the check is not this chat's.
 */
async function chooseAnswerToChange(
  conversation: Flow,
  ctx: FlowContext,
  checkId: number,
): Promise<QuestionnaireStart | undefined> {
  const previous = await conversation.external(async () => {
    const check = await ctx.services.eligibility.find(checkId);
    if (!ownedBy(check, ctx)) return undefined;
    const answered = ctx.services.eligibility.rules.questions.filter((q) => check.answers[q.id] !== undefined);
    return {
      answers: check.answers,
      answered: answered.map((q) => ({ id: q.id, label: q.label, display: answerDisplay(q, check.answers[q.id]!) })),
    };
  });
  if (!previous || previous.answered.length === 0) return undefined;

  const list = previous.answered.map(
    (a, i) => `${i + 1}. ${a.label.charAt(0).toUpperCase()}${a.label.slice(1)}: ${a.display}`,
  );
  const numbers = previous.answered.map((_, i) => ({ text: String(i + 1), data: `${EDIT_BUTTON}${i}` }));
  const rows = [
    ...inRows(numbers, EDIT_PER_ROW),
    [{ text: ctx.t("elig-rerun-from-start"), data: `${EDIT_BUTTON}new` }],
  ];
  await replyWithChoices(ctx, ctx.t("elig-rerun-pick", { list: list.join("\n") }), rows);

  for (;;) {
    const { ctx: pressed, choice } = await waitForButton(conversation, ctx, EDIT_BUTTON);
    if (choice === "new") return { answers: {}, ctx: pressed };
    const picked = previous.answered[Number(choice)];
    if (!picked) continue;
    const answers = Object.fromEntries(Object.entries(previous.answers).filter(([id]) => id !== picked.id));
    return { answers, pending: { id: picked.id, previous: picked.display }, ctx: pressed };
  }
}

/** *Kiểm tra điều kiện vay vốn / hỗ trợ*: questions with buttons, then the stored, cited results. */
async function eligibility(conversation: Flow, ctx: FlowContext, args: EligibilityArgs = {}): Promise<void> {
  let start = args.rerunOf === undefined ? undefined : await chooseAnswerToChange(conversation, ctx, args.rerunOf);
  if (!start) {
    await ctx.reply(ctx.t("elig-intro"));
    start = { answers: {}, ctx };
  }
  const { answers, ctx: latest } = await askQuestions(conversation, start);
  const check = await conversation.external(async () => {
    const stored = await ctx.services.eligibility.check({ ...chatAddress(ctx), answers, asOf: ctx.services.now() });
    // Only JSON goes into the conversation log: a Date would come back as a string on replay.
    return { id: stored.id, asOf: stored.asOf.toISOString(), results: stored.results };
  });
  for (const message of resultMessages(check, ctx.t)) await replyWithChoices(latest, message.text, message.choices);
}

/** Organisations whose member count is what a registration asks for. */
const GROUPS = new Set(["cooperative_group", "cooperative", "union"]);

/**
 * What a check already knows that the registration asks again, in the registration's own field
 * shapes (LeadDraft), passed as the "register" conversation's argument so it can fill them in.
 */
export function knownForRegistration(
  answers: Answers,
  places: PlaceResolver,
): Partial<Pick<LeadDraft, "members" | "place">> {
  const members =
    GROUPS.has(String(answers.applicant_type)) && typeof answers.member_count === "number"
      ? answers.member_count
      : undefined;
  const found =
    typeof answers.commune === "string" && answers.commune !== "unknown"
      ? places.resolve(answers.commune, { limit: 1 })[0]
      : undefined;
  const place =
    found?.score === 1
      ? { code: found.code, name: found.name, provinceCode: found.provinceCode, provinceName: found.provinceName }
      : undefined;
  return { ...(members !== undefined ? { members } : {}), ...(place ? { place } : {}) };
}

export const enterEligibility = (ctx: BotContext) => ctx.conversation.enter(ELIGIBILITY);

/** The flow, and the result buttons, which work without it (after it ended, or from an old check). */
export function eligibilityFeature(flowPlugins: MiddlewareFn<FlowContext>[]): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(
    createConversation(eligibility, { id: ELIGIBILITY, plugins: flowPlugins, maxMillisecondsToWait: FLOW_IDLE_MS }),
  );

  composer.callbackQuery(RESULT_BUTTON, async (ctx) => {
    await ctx.answerCallbackQuery();
    const [, kind, checkId, programmeId] = ctx.match;
    const check = await ctx.services.eligibility.find(Number(checkId));
    const result = ownedBy(check, ctx) ? check.results.find((r) => r.id === programmeId) : undefined;
    await ctx.reply(result ? resultDetail(kind as ResultDetail, result, ctx.t) : ctx.t("elig-check-gone"));
  });

  composer.callbackQuery(AGAIN_BUTTON, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(ELIGIBILITY, { rerunOf: Number(ctx.match[1]) } satisfies EligibilityArgs);
  });

  composer.callbackQuery(REGISTER_BUTTON, async (ctx) => {
    await ctx.answerCallbackQuery();
    const check = await ctx.services.eligibility.find(Number(ctx.match[1]));
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(
      REGISTER,
      ownedBy(check, ctx) ? knownForRegistration(check.answers, ctx.services.places) : {},
    );
  });
  return composer;
}
