import { communeWithProvince } from "../../places/place-data.js";
import { Composer, type MiddlewareFn } from "grammy";
import { inRows, replyWithChoices, typedStepChoice, type ChoiceRows } from "../../bot/choices.js";
import { createConversation } from "@grammyjs/conversations";
import { chatAddress, type BotContext, type FlowContext } from "../../bot/context.js";
import { waitForAnswer, type Flow, type FlowInput } from "../../bot/flow.js";
import { currentConsent, readConsentReply } from "../../leads/consent.js";
import { OPTIONAL_FIELDS, askKey, validatePlace, type LeadField, type PlaceValue } from "../../leads/lead-fields.js";
import type { LeadDraft } from "../../leads/lead.js";
import { HTX_MIN_MEMBERS, matchPurpose, THT_MIN_MEMBERS, tooFewForHtx } from "../../leads/purposes.js";
import type { SubmitResult } from "../../leads/lead-service.js";
import {
  answerLines,
  answerText,
  askedFields,
  completeDraft,
  fieldLabelKey,
  QUESTIONS,
  RELATIVE_PHONE_QUESTION,
  type Contact,
  type FieldChoice,
  type FieldQuestion,
  type StepValues,
} from "./questions.js";
import { mainMenuChoices, MENU_CALLBACK_PREFIX } from "../menu/main-menu.js";
import { offerTypedQuestion } from "../ask/in-flow.js";
import { readYesNo } from "../../lib/yes-no.js";
import { FLOW_IDLE_MS } from "../../bot/storage.js";
import { offerSubscription, takeOfferTurn } from "../subscriptions/offer.js";

export const REGISTER = "register";
const PREFIX = "reg:";
const BACK = "back";
const SKIP = "skip";
const RETYPE = "retype";

type Step<T> = { back: true } | { back: false; value: T };

const choices = (prefix: string, rows: FieldChoice[][]): ChoiceRows =>
  rows.map((row) => row.map(({ value, ...c }) => ({ ...c, data: prefix + value })));

const canSkip = (field: LeadField) => OPTIONAL_FIELDS.includes(field);

/** *Bỏ qua* on optional questions, *Quay lại* everywhere but the first question. */
function extraRow(ctx: FlowContext, field: LeadField, canGoBack: boolean): FieldChoice[] {
  return [
    ...(canSkip(field) ? [{ text: ctx.t("reg-skip"), value: SKIP }] : []),
    ...(canGoBack ? [{ text: ctx.t("reg-back"), value: BACK }] : []),
  ];
}

/**
 * *Quay lại* / *Bỏ qua* count only where the step shows them: button data is the client's to forge
 * ("reg:phone:skip" would store a lead without a phone), so elsewhere they are an unusable button.
 */
function readControl(
  choice: string | undefined,
  field: LeadField,
  canGoBack: boolean,
): typeof BACK | typeof SKIP | "unusable" | undefined {
  if (choice === BACK) return canGoBack ? BACK : "unusable";
  if (choice === SKIP) return canSkip(field) ? SKIP : "unusable";
  return undefined;
}

/** Steps no question answers (a name, a trade): a question typed there is offered an answer, not stored. */
const NEVER_A_QUESTION: ReadonlySet<LeadField> = new Set(["fullName", "sector"]);

interface TextStep<T> {
  field: Exclude<LeadField, "place">;
  question: FieldQuestion<T>;
  header: string;
  canGoBack: boolean;
  suggested?: FieldChoice | undefined;
}

/**
 * A question answered by typing or by its buttons, asked again with the reason until it is valid.
 * On an optional question a typed "không có" / "hông có" is *Bỏ qua*; a typed question is offered
 * an answer; a bare land area offers its possible units ("10 công", "10 ha", "10 m²").
 */
async function askText<T>(conversation: Flow, ctx: FlowContext, step: TextStep<T>): Promise<Step<T>> {
  const { field, question, canGoBack } = step;
  const prefix = `${PREFIX}${field}:`;
  const baseRows = [
    step.suggested ? [step.suggested] : [],
    ...(question.choices?.(ctx.t) ?? []),
    extraRow(ctx, field, canGoBack),
  ];
  let buttons = choices(prefix, baseRows);
  const ask = (on: FlowContext, text: string) =>
    replyWithChoices(on, text, buttons, { numbersAreAnswers: question.numbersAreAnswers });
  const prompt = `${step.header}\n${ctx.t(question.prompt ?? askKey(field))}`;
  await ask(ctx, prompt);
  let incomplete: string | undefined;
  let next: FlowInput | undefined;
  for (;;) {
    const answer = next ?? (await waitForAnswer(conversation, ctx, prefix));
    next = undefined;
    const control = readControl(answer.choice, field, canGoBack);
    if (control === "unusable") {
      // The pressed message lost its keyboard: the reminder carries it again.
      await ask(answer.ctx, ctx.t("flow-old-button"));
      continue;
    }
    if (control === BACK) return { back: true };
    const typed = answer.text;
    if (control === SKIP || (typed !== undefined && canSkip(field) && readYesNo(typed) === "no"))
      return { back: false, value: question.skipped as T };
    // "công" after "10": the unit completes the number the farmer typed before ("công" alone is one công).
    const completed =
      typed !== undefined && incomplete !== undefined ? question.readText(`${incomplete} ${typed}`) : undefined;
    const result = completed?.ok
      ? completed
      : typed === undefined
        ? (question.readChoice ?? question.readText)(answer.choice, ctx.t)
        : question.readText(typed);
    if (typed !== undefined && (!result.ok || NEVER_A_QUESTION.has(field))) {
      const offer = await offerTypedQuestion(conversation, ctx, answer.ctx, typed);
      if (offer.offered) {
        if (offer.typed !== undefined) next = { ctx: offer.ctx, text: offer.typed };
        else await ask(offer.ctx, prompt);
        continue;
      }
    }
    if (result.ok) return { back: false, value: result.value };
    incomplete = result.incomplete;
    buttons = choices(prefix, [...(result.suggestions ?? []).map((s) => [{ text: s, value: s }]), ...baseRows]);
    await ask(answer.ctx, ctx.t(result.reason, result.args));
  }
}

/**
 * The phone step: the farmer's own mobile, a relative's (asked next), or none, when officers
 * leave word at the commune office instead.
 */
async function askContact(
  conversation: Flow,
  ctx: FlowContext,
  header: string,
  canGoBack: boolean,
): Promise<Step<Contact>> {
  for (;;) {
    const own = await askText(conversation, ctx, { field: "phone", question: QUESTIONS.phone, header, canGoBack });
    if (own.back || own.value.contact !== "relative_phone" || own.value.phone) return own;
    const relative = await askText(conversation, ctx, {
      field: "phone",
      question: RELATIVE_PHONE_QUESTION,
      header,
      canGoBack: true,
    });
    if (!relative.back) return relative;
  }
}

type PlaceChoice = Pick<PlaceValue, "code" | "name" | "provinceName"> & { formerName?: string };

/**
 * Typed places are always confirmed with buttons ("did you mean"): since the 2025 merger many
 * farmers still name their old xã, and seeing the new name is how they know we understood.
 */
async function askPlace(
  conversation: Flow,
  ctx: FlowContext,
  header: string,
  canGoBack: boolean,
  suggested?: FieldChoice,
): Promise<Step<PlaceValue>> {
  const prefix = `${PREFIX}place:`;
  const backOnly = choices(prefix, [extraRow(ctx, "place", canGoBack)]);
  let buttons = choices(prefix, [suggested ? [suggested] : [], extraRow(ctx, "place", canGoBack)]);
  await replyWithChoices(ctx, `${header}\n${ctx.t(askKey("place"))}`, buttons);
  let offered: PlaceChoice[] = [];
  let next: FlowInput | undefined;
  for (;;) {
    const answer = next ?? (await waitForAnswer(conversation, ctx, prefix));
    next = undefined;
    // The list is numbered: "2" picks the second place (also where a channel has no buttons);
    // "ok", "đúng rồi", "dạ" confirm the one place offered.
    const typedKey = answer.text !== undefined && /^\d$/.test(answer.text) ? Number(answer.text) - 1 : undefined;
    const yesNo = answer.text !== undefined && offered.length > 0 ? readYesNo(answer.text) : undefined;
    if (yesNo !== undefined && !(yesNo === "yes" && offered.length === 1)) {
      // "ok" to a list of several, or "không" to the one place: which one, or type it again.
      await replyWithChoices(answer.ctx, ctx.t(yesNo === "no" ? "reg-place-again" : "leads-place-choose"), buttons);
      continue;
    }
    const picked = offered[typedKey ?? (yesNo === "yes" ? 0 : -1)];
    const choice = picked?.code ?? answer.choice;
    const control = readControl(choice, "place", canGoBack);
    if (control === BACK) return { back: true };
    if (control === "unusable") {
      await replyWithChoices(answer.ctx, ctx.t("flow-old-button"), buttons);
      continue;
    }
    if (choice !== undefined) {
      // A commune code from a "did you mean" button, or *nhập lại*.
      const chosen = validatePlace(choice, ctx.services.places);
      if (chosen.ok) return { back: false, value: chosen.value };
      buttons = backOnly;
      await replyWithChoices(answer.ctx, ctx.t("reg-place-again"), buttons);
      continue;
    }
    const typed = answer.text!;
    const found = await conversation.external((): PlaceChoice[] =>
      ctx.services.places.resolve(typed).map(({ code, name, provinceName, formerName }) => ({
        code,
        name,
        provinceName,
        ...(formerName ? { formerName } : {}),
      })),
    );
    offered = found;
    if (found.length === 0) {
      const offer = await offerTypedQuestion(conversation, ctx, answer.ctx, typed);
      if (offer.offered) {
        if (offer.typed !== undefined) next = { ctx: offer.ctx, text: offer.typed };
        else await replyWithChoices(offer.ctx, `${header}\n${ctx.t(askKey("place"))}`, buttons);
        continue;
      }
      buttons = backOnly;
      await replyWithChoices(answer.ctx, ctx.t("leads-place-not-found"), buttons);
      continue;
    }
    const lines = found.map(
      (c, i) =>
        `${i + 1}. ${communeWithProvince(c.name, c.provinceName)}${c.formerName ? ` (${ctx.t("reg-place-former", { former: c.formerName })})` : ""}`,
    );
    const rows = [
      ...found.map((c) => [{ text: communeWithProvince(c.name, c.provinceName), value: c.code }]),
      [{ text: ctx.t("reg-place-retype"), value: RETYPE }],
      extraRow(ctx, "place", canGoBack),
    ];
    buttons = choices(prefix, rows);
    await replyWithChoices(
      answer.ctx,
      [ctx.t(found.length === 1 ? "reg-place-confirm" : "leads-place-choose"), ...lines].join("\n"),
      buttons,
    );
  }
}

/** Asks one field; the answer is what it adds to the draft (the phone step: contact way and phone). */
async function askField(
  conversation: Flow,
  ctx: FlowContext,
  field: LeadField,
  header: string,
  canGoBack: boolean,
  suggested?: FieldChoice,
): Promise<Step<Partial<LeadDraft>>> {
  const asked = async <T>(
    step: Promise<Step<T>>,
    toDraft: (value: T) => Partial<LeadDraft>,
  ): Promise<Step<Partial<LeadDraft>>> => {
    const done = await step;
    return done.back ? done : { back: false, value: toDraft(done.value) };
  };
  if (field === "place")
    return asked(askPlace(conversation, ctx, header, canGoBack, suggested), (place) => ({ place }));
  if (field === "phone")
    return asked(askContact(conversation, ctx, header, canGoBack), (contact) => ({
      contact: contact.contact,
      phone: contact.phone,
    }));
  const question = QUESTIONS[field] as FieldQuestion<StepValues[typeof field]>;
  return asked(askText(conversation, ctx, { field, question, header, canGoBack, suggested }), (value) => ({
    [field]: value,
  }));
}

/**
 * What another flow already learnt (the eligibility check: group size, commune), offered as one tap;
 * and the purpose the farmer's own request named ("đăng ký vô htx"), taken as the first answer.
 */
export type RegisterStart = Partial<Pick<LeadDraft, "members" | "place" | "purpose">>;

function suggestion(field: LeadField, start: RegisterStart): FieldChoice | undefined {
  if (field === "members" && start.members !== undefined)
    return { text: `✅ ${start.members}`, value: String(start.members) };
  if (field === "place" && start.place)
    return { text: `✅ ${communeWithProvince(start.place.name, start.place.provinceName)}`, value: start.place.code };
  return undefined;
}

/**
 * A press of this step's buttons or a typed label ("gửi đăng ký"), or undefined after a typed question
 * was offered (show the step again).
 */
async function waitForPress(
  conversation: Flow,
  ctx: FlowContext,
  prefix: string,
  rows: ChoiceRows,
): Promise<string | undefined> {
  for (;;) {
    const input = await waitForAnswer(conversation, ctx, prefix);
    if (input.choice !== undefined) return input.choice;
    const named = typedStepChoice(input.text, rows, prefix);
    if (named !== undefined) return named;
    if ((await offerTypedQuestion(conversation, ctx, input.ctx, input.text)).offered) return undefined;
    await input.ctx.reply(ctx.t("flow-button-expected"));
  }
}

/** The answers that decide whether a group is big enough for the HTX it wants to found. */
const SIZE_FIELDS: ReadonlySet<LeadField> = new Set(["purpose", "members"]);

/**
 * Founding an HTX with fewer members than the law asks: one short note, and the choice to keep the
 * HTX or found a tổ hợp tác instead (never a block: more members may join before the founding).
 * Changes `answers` when the farmer switches; `echo` is the answer just given, read back first.
 * Returns whether the note was shown.
 */
async function offerThtIfSmall(
  conversation: Flow,
  ctx: FlowContext,
  answers: Partial<LeadDraft>,
  echo?: string,
): Promise<boolean> {
  if (!tooFewForHtx(answers.purpose, answers.members)) return false;
  const prefix = `${PREFIX}size:`;
  const rows = choices(prefix, [
    [{ text: ctx.t("reg-size-keep-htx"), value: "found_htx" }],
    [{ text: ctx.t("reg-size-tht"), value: "found_tht" }],
  ]);
  const note = ctx.t("reg-size-note", { members: answers.members!, htx: HTX_MIN_MEMBERS, tht: THT_MIN_MEMBERS });
  for (;;) {
    await replyWithChoices(ctx, [...(echo ? [echo] : []), note].join("\n"), rows);
    const choice = await waitForPress(conversation, ctx, prefix, rows);
    if (choice === "found_htx" || choice === "found_tht") {
      answers.purpose = choice;
      return true;
    }
  }
}

/** Shows everything before anything is stored; each field can be changed. Returns false on cancel. */
async function review(conversation: Flow, ctx: FlowContext, draft: LeadDraft): Promise<boolean> {
  const prefix = `${PREFIX}summary:`;
  for (;;) {
    const edits = askedFields(draft).map((field) => ({
      text: ctx.t("reg-edit", { field: ctx.t(fieldLabelKey(field)) }),
      value: field,
    }));
    const rows = [
      ...inRows(edits, 2),
      [{ text: ctx.t("reg-submit"), value: "submit", means: "yes" as const }],
      [{ text: ctx.t("reg-cancel"), value: "cancel" }],
    ];
    const text = [ctx.t("reg-summary-title"), ...answerLines(draft, ctx.t), ctx.t("reg-summary-hint")].join("\n");
    const buttons = choices(prefix, rows);
    await replyWithChoices(ctx, text, buttons);
    const choice = await waitForPress(conversation, ctx, prefix, buttons);
    if (choice === undefined) continue;
    if (choice === "submit") return true;
    if (choice === "cancel") return false;
    const field = askedFields(draft).find((f) => f === choice);
    if (!field) continue;
    const step = await askField(
      conversation,
      ctx,
      field,
      ctx.t("reg-edit", { field: ctx.t(fieldLabelKey(field)) }),
      true,
    );
    if (step.back) continue;
    Object.assign(draft, completeDraft({ ...draft, ...step.value }));
    if (SIZE_FIELDS.has(field)) await offerThtIfSmall(conversation, ctx, draft);
  }
}

/** Explicit consent (Luật 91/2025 Điều 9); anything unclear is asked again, never taken as yes. */
async function askConsent(
  conversation: Flow,
  ctx: FlowContext,
  text: string,
): Promise<{ ctx: FlowContext; agreed: boolean }> {
  const prefix = `${PREFIX}consent:`;
  const buttons = choices(prefix, [
    [
      { text: ctx.t("leads-consent-agree"), value: "agree", means: "yes" },
      { text: ctx.t("leads-consent-decline"), value: "decline", means: "no" },
    ],
  ]);
  await replyWithChoices(ctx, text, buttons);
  for (;;) {
    const answer = await waitForAnswer(conversation, ctx, prefix);
    const reply = readConsentReply(answer.choice ?? answer.text);
    if (reply) return { ctx: answer.ctx, agreed: reply === "agree" };
    const offer =
      answer.text === undefined ? undefined : await offerTypedQuestion(conversation, ctx, answer.ctx, answer.text);
    await replyWithChoices(offer?.offered ? offer.ctx : answer.ctx, ctx.t("reg-consent-expected"), buttons);
  }
}

/**
 * *Đăng ký thành lập / tham gia HTX*: nine questions, a summary with *Sửa*, consent, then the lead is
 * saved. Until consent the answers live only in the conversation state, which is gone afterwards.
 * Answers another flow already knows are offered as a button, never taken without the farmer's tap
 * (validated like typed ones when pressed).
 */
async function register(conversation: Flow, ctx: FlowContext, start: RegisterStart = {}): Promise<void> {
  const startedAt = new Date(await conversation.now());
  // Declined or cancelled: the words "nothing is kept" must hold for the web chat's transcript too.
  const forgetTyped = () =>
    conversation.external(() => ctx.services.farmerData.forgetFlowMessages(chatAddress(ctx), startedAt));
  await ctx.reply(ctx.t("reg-intro"));
  const answers: Partial<LeadDraft> = {};
  // The previous answer as understood ("✅ Nghề chính: Lúa + Thủy sản"): a pressed button's
  // keyboard is gone, and a typed answer may have been read differently than meant.
  const echoOf = (field: LeadField) =>
    ctx.t("reg-echo", { field: ctx.t(fieldLabelKey(field)), answer: answerText(answers, field, ctx.t) });
  let echo: string | undefined;
  let first = 0;
  if (start.purpose) {
    answers.purpose = start.purpose;
    echo = echoOf("purpose");
    first = askedFields(answers).indexOf("purpose") + 1;
  }
  // The steps depend on the answers so far (no phone: no call time), so they are read again each turn.
  for (let index = first, fields = askedFields(answers); index < fields.length; fields = askedFields(answers)) {
    const field = fields[index]!;
    const header = [...(echo ? [echo] : []), ctx.t("reg-step", { n: index + 1, total: fields.length })].join("\n");
    const step = await askField(conversation, ctx, field, header, index > 0, suggestion(field, start));
    if (step.back) {
      echo = undefined;
      index--;
      continue;
    }
    Object.assign(answers, step.value);
    echo = echoOf(field);
    if (SIZE_FIELDS.has(field) && (await offerThtIfSmall(conversation, ctx, answers, echo))) echo = echoOf("purpose");
    index++;
  }
  const draft = completeDraft(answers);
  if (!(await review(conversation, ctx, draft))) {
    await forgetTyped();
    await ctx.reply(ctx.t("reg-cancelled"));
    return;
  }

  const consent = currentConsent(ctx.t("reg-data-controller"), ctx.t);
  const { ctx: decided, agreed } = await askConsent(conversation, ctx, consent.text);
  if (!agreed) {
    await forgetTyped();
    await replyWithChoices(decided, ctx.t("reg-declined"), [
      [{ text: ctx.t("reg-ask-officer"), data: `${MENU_CALLBACK_PREFIX}officer` }],
    ]);
    return;
  }
  const from = chatAddress(ctx);
  const saved = await conversation.external(async (): Promise<SubmitResult> => {
    // Keyed by the consent press: replayed after a crash, it answers with the same reference.
    const key = `${ctx.channel}:${decided.update.update_id}`;
    const { pools: _pools, ...result } = await ctx.services.leads.submit({
      draft,
      consent: { version: consent.version, hash: consent.hash },
      from,
      key,
    });
    return result;
  });
  // Someone else's number: the same words as for any registration, minus the code, which is not theirs.
  // The main menu under the result: the farmer's next step is a tap, and "ok" is not left hanging.
  const result =
    saved.outcome === "duplicate"
      ? ctx.t("reg-received")
      : ctx.t(saved.outcome === "created" ? "reg-saved" : "reg-updated", { reference: saved.reference });
  await replyWithChoices(decided, result, mainMenuChoices(ctx.t));
  if (await conversation.external((outside) => takeOfferTurn(outside))) await offerSubscription(decided);
}

export function registerFeature(flowPlugins: MiddlewareFn<FlowContext>[]): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(
    createConversation(register, { id: REGISTER, plugins: flowPlugins, maxMillisecondsToWait: FLOW_IDLE_MS }),
  );
  return composer;
}

/** Opens the registration; a typed request that names its purpose ("muốn lập htx") answers step 1. */
export const enterRegister = (ctx: BotContext) => {
  const purpose = ctx.message?.text === undefined ? undefined : matchPurpose(ctx.message.text);
  return ctx.conversation.enter(REGISTER, purpose ? { purpose } : {});
};
