import { Composer, type MiddlewareFn } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import { chatAddress, type BotContext, type FlowContext } from "../../bot/context.js";
import { waitForInput, type Flow } from "../../bot/flow.js";
import { readConsentReply } from "../../leads/consent.js";
import { subscriptionConsent, type SubscriptionChoice } from "../../broadcast/subscriptions.js";
import { isTopic, type Topic } from "../../broadcast/topics.js";
import { lookUpCommune } from "../eligibility/commune.js";
import { shorten } from "../../lib/shorten.js";
import { replyWithChoices, updateChoices } from "../../bot/choices.js";
import {
  CONSENT_STEP,
  FLOW_PREFIX,
  OFFER_NO,
  OFFER_YES,
  PLACE_STEP,
  placeRows,
  START,
  statusRows,
  STOP,
  TOPIC_STEP,
  topicRows,
  consentRows,
  topicList,
} from "./choices.js";

export const SUBSCRIBE = "subscribe";

type Place = { code: string; name: string };

/**
 * Topics to toggle; undefined when the farmer gave up. Each toggle updates the marks of the list in
 * place where the channel can edit it, or answers with a short confirmation (Zalo), never a new list.
 */
async function askTopics(
  conversation: Flow,
  ctx: FlowContext,
  initial: readonly Topic[],
): Promise<Topic[] | undefined> {
  const chosen = new Set<Topic>(initial);
  await replyWithChoices(ctx, ctx.t("sub-topics-ask"), topicRows(ctx.t, chosen));
  for (;;) {
    const input = await waitForInput(conversation, ctx, {
      stepPrefix: TOPIC_STEP,
      flowPrefix: FLOW_PREFIX,
      acceptText: false,
    });
    if (input.choice === "cancel") return undefined;
    if (input.choice === "done") {
      if (chosen.size > 0) {
        // The list is answered: its buttons go (a channel without edits has nothing to remove).
        await input.ctx.editMessageReplyMarkup().catch(() => undefined);
        return [...chosen];
      }
      await updateChoices(input.ctx, ctx.t("sub-topics-none"), topicRows(ctx.t, chosen), ctx.t("sub-topics-none"));
      continue;
    }
    if (!isTopic(input.choice!)) continue;
    if (chosen.has(input.choice)) chosen.delete(input.choice);
    else chosen.add(input.choice);
    const topics = chosen.size > 0 ? topicList(ctx.t, [...chosen]) : ctx.t("sub-topics-nothing");
    await updateChoices(
      input.ctx,
      ctx.t("sub-topics-chosen", { topics }),
      topicRows(ctx.t, chosen),
      ctx.t("sub-topics-chosen-short", { topics }),
    );
  }
}

/**
 * The commune: one tap on the one from a registration, or typed and read as the eligibility check
 * reads it (old Sóc Trăng names, typos; one whole match is taken, anything less offered to pick), or
 * none. Text that names no commune is told how to type one, with *Bỏ qua* at hand.
 */
async function askPlace(conversation: Flow, ctx: FlowContext, known: Place | undefined): Promise<Place | undefined> {
  let offered: Array<Place & { label: string }> = known ? [{ ...known, label: `✅ ${known.name}` }] : [];
  const rows = () => placeRows(ctx.t, offered);
  await replyWithChoices(ctx, ctx.t("sub-place-ask"), rows());
  for (;;) {
    const input = await waitForInput(conversation, ctx, {
      stepPrefix: PLACE_STEP,
      flowPrefix: FLOW_PREFIX,
      acceptText: true,
    });
    if (input.choice === "any") return undefined;
    const picked = offered.find((p) => p.code === input.choice);
    if (picked) return { code: picked.code, name: picked.name };
    if (input.text === undefined) continue;
    const typed = input.text;
    const lookup = await conversation.external(() => lookUpCommune(ctx.services.places, typed));
    if ("accepted" in lookup) {
      const { code, value, formerName } = lookup.accepted;
      if (formerName) await input.ctx.reply(ctx.t("elig-commune-former", { former: formerName, name: value }));
      return { code, name: value };
    }
    offered = lookup.suggestions.map((s) => ({ code: s.code, name: s.value, label: s.label }));
    const text =
      offered.length > 0 ? ctx.t("sub-place-choose") : ctx.t("sub-place-not-found", { typed: shorten(typed, 60) });
    await replyWithChoices(input.ctx, text, rows());
  }
}

/** Consent for this purpose only; anything unclear is asked again, never taken as yes. */
async function askConsent(conversation: Flow, ctx: FlowContext, text: string): Promise<boolean> {
  await replyWithChoices(ctx, text, consentRows(ctx.t));
  for (;;) {
    const input = await waitForInput(conversation, ctx, {
      stepPrefix: CONSENT_STEP,
      flowPrefix: FLOW_PREFIX,
      acceptText: true,
    });
    const reply = readConsentReply(input.choice ?? input.text);
    if (reply) return reply === "agree";
    await replyWithChoices(input.ctx, ctx.t("sub-consent-expected"), consentRows(ctx.t));
  }
}

/** Topics, commune (prefilled from a registration), consent, saved. */
async function subscribe(conversation: Flow, ctx: FlowContext): Promise<void> {
  const chat = chatAddress(ctx);
  const known = await conversation.external(async () => ({
    topics: (await ctx.services.subscriptions.get(chat))?.topics ?? [],
    place: await ctx.services.subscriptions.knownCommune(chat),
  }));
  const topics = await askTopics(conversation, ctx, known.topics);
  if (!topics) {
    await ctx.reply(ctx.t("sub-cancelled"));
    return;
  }
  const commune = await askPlace(conversation, ctx, known.place);
  const consent = subscriptionConsent(ctx.t("reg-data-controller"), ctx.t);
  if (!(await askConsent(conversation, ctx, consent.text))) {
    await ctx.reply(ctx.t("sub-cancelled"));
    return;
  }
  const choice: SubscriptionChoice = { topics, ...(commune ? { commune } : {}) };
  await conversation.external(() => ctx.services.subscriptions.save(chat, choice, consent));
  await ctx.reply(
    ctx.t("sub-saved", {
      topics: topicList(ctx.t, topics),
      place: commune ? ctx.t("sub-saved-place", { commune: commune.name }) : "",
    }),
  );
}

/** /thongbao and the menu: what this chat receives, with change and stop. */
export async function showSubscription(ctx: BotContext): Promise<void> {
  const current = await ctx.services.subscriptions.get(chatAddress(ctx));
  const text = current
    ? ctx.t("sub-status", {
        topics: topicList(ctx.t, current.topics),
        place: current.communeName ? ctx.t("sub-saved-place", { commune: current.communeName }) : "",
      })
    : ctx.t("sub-status-none");
  await replyWithChoices(ctx, text, statusRows(ctx.t, current !== undefined));
}

/**
 * The menu's *Nhận thông báo*: a farmer not subscribed goes straight to the topics (one tap less);
 * a subscribed one sees what they receive, with change and stop.
 */
export async function openSubscriptions(ctx: BotContext): Promise<void> {
  if (await ctx.services.subscriptions.get(chatAddress(ctx))) return showSubscription(ctx);
  await enterSubscribe(ctx);
}

async function stopAll(ctx: BotContext): Promise<void> {
  const stopped = await ctx.services.subscriptions.stop(chatAddress(ctx));
  if (stopped) ctx.session.subscriptionStoppedAt = ctx.services.now().toISOString();
  await ctx.reply(ctx.t(stopped ? "sub-stopped" : "sub-not-subscribed"));
}

/**
 * Announcements for farmers: /thongbao shows and changes, /dunggui stops everything at once (also in
 * the middle of a flow), and an announcement's *Đăng ký* opens the registration (the press is counted).
 */
export function subscriptionsFeature(flowPlugins: MiddlewareFn<FlowContext>[]): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("dunggui", async (ctx) => {
    await ctx.conversation.exitAll();
    await stopAll(ctx);
  });
  composer.command("thongbao", async (ctx) => {
    await ctx.conversation.exitAll();
    await showSubscription(ctx);
  });
  composer.use(createConversation(subscribe, { id: SUBSCRIBE, plugins: flowPlugins }));
  composer.callbackQuery([OFFER_YES, START], async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(SUBSCRIBE);
  });
  composer.callbackQuery(OFFER_NO, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(ctx.t("sub-offer-declined"));
  });
  composer.callbackQuery(STOP, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await stopAll(ctx);
  });
  return composer;
}

export const enterSubscribe = (ctx: BotContext) => ctx.conversation.enter(SUBSCRIBE);
