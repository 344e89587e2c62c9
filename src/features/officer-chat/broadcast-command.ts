import { Composer, type MiddlewareFn } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import { replyWithChoices } from "../../bot/choices.js";
import { chatAddress, type BotContext, type FlowContext } from "../../bot/context.js";
import { waitForButton, writeAndConfirm, type Flow } from "../../bot/flow.js";
import { FLOW_IDLE_MS } from "../../bot/storage.js";
import { announcementLength, TEXT_MAX_LENGTH, type CampaignReport } from "../../broadcast/campaigns.js";
import { TOPICS, topicLabelKey } from "../../broadcast/topics.js";
import type { Segment } from "../../broadcast/segment.js";
import type { Translate } from "../../i18n/translate.js";
import { mayAct } from "../../staff/roles.js";
import { officerOrRefuse } from "./index.js";

export const BROADCAST_FLOW = "officer-broadcast";
const BUTTON = "ocbc:";
const TOPIC_STEP = `${BUTTON}t:`;
/** How often the status message is brought up to date while the campaign is sending. */
const PROGRESS_EVERY_MS = 3000;

const countOf = (reasons: Record<string, number>) => Object.values(reasons).reduce((a, b) => a + b, 0);
const progressText = (t: Translate, id: number, r: CampaignReport) =>
  t("bc-chat-progress", { id, sent: r.sent, total: r.total, skipped: countOf(r.skipped), failed: countOf(r.failed) });

/**
 * Keeps the status message of a campaign sent from chat up to date (an edit where the channel shows
 * edits) and, once it is done or cancelled, tells the officer in a short new message through the
 * outbox (every channel shows that). Best effort in this process: the campaign itself does not depend
 * on it, and a restart only stops the edits.
 */
function followProgress(ctx: BotContext, id: number, statusMessageId: number): void {
  const { services, t, logger } = ctx;
  const chatId = ctx.chat!.id;
  let shown = "";
  const tick = async () => {
    const [campaign, report] = await Promise.all([services.broadcasts.get(id), services.broadcasts.report(id)]);
    const text = progressText(t, id, report);
    if (text !== shown) {
      shown = text;
      await ctx.api.editMessageText(chatId, statusMessageId, text).catch(() => undefined);
    }
    if (campaign?.status === "done" || campaign?.status === "cancelled") {
      const key = campaign.status === "done" ? "bc-chat-finished" : "bc-chat-cancelled-by-staff";
      await services.outbox.enqueue(chatAddress(ctx), {
        text: t(key, { id, sent: report.sent, skipped: countOf(report.skipped), failed: countOf(report.failed) }),
      });
      return;
    }
    setTimeout(run, PROGRESS_EVERY_MS).unref();
  };
  const run = () =>
    void tick().catch((error: Error) =>
      logger.warn({ campaign: id, err: { message: error.message } }, "broadcast progress in chat stopped"),
    );
  run();
}

/** An officer's announcement from chat: a topic (or everyone subscribed), the count, the text, a confirmation. */
async function composeBroadcast(conversation: Flow, ctx: FlowContext): Promise<void> {
  await replyWithChoices(ctx, ctx.t("bc-chat-topic-ask"), [
    ...TOPICS.map((topic) => [{ text: ctx.t(topicLabelKey(topic)), data: `${TOPIC_STEP}${topic}` }]),
    [{ text: ctx.t("bc-chat-everyone"), data: `${TOPIC_STEP}all` }],
  ]);
  const picked = await waitForButton(conversation, ctx, TOPIC_STEP);
  const topic = TOPICS.find((known) => known === picked.choice);
  // A button of an older topic list must not turn into "everyone".
  if (!topic && picked.choice !== "all") {
    await picked.ctx.reply(ctx.t("bc-chat-unknown-topic"));
    return;
  }
  const segment: Segment = { topics: topic ? [topic] : [], communes: [], sectors: [], channels: [] };
  const audience = await conversation.external(() => ctx.services.broadcasts.audience(segment));
  const count = audience.reduce((sum, a) => sum + a.recipients - a.unreachable, 0);
  await picked.ctx.reply(ctx.t("bc-chat-text-ask", { count }));
  const written = await writeAndConfirm(conversation, ctx, {
    prefix: `${BUTTON}w:`,
    problem: (text) => {
      const length = announcementLength(text);
      return length > TEXT_MAX_LENGTH ? ctx.t("bc-chat-too-long", { length, max: TEXT_MAX_LENGTH }) : undefined;
    },
    texts: {
      confirm: (text) => ctx.t("bc-chat-confirm", { text, count }),
      send: ctx.t("bc-chat-send"),
      writeAgain: ctx.t("bc-chat-again"),
      cancelled: ctx.t("bc-chat-cancelled"),
    },
  });
  if (!written) return;
  const outcome = await conversation.external(async () => {
    // Checked again at sending: the role may have changed while the officer was writing.
    const officer = await ctx.services.leads.officerForChat(chatAddress(ctx));
    if (!officer) return { ok: false as const, problem: "oc-not-officer" };
    if (!mayAct(officer.role, "broadcast.send")) return { ok: false as const, problem: "oc-read-only" };
    const draft = await ctx.services.broadcasts.createDraft(
      { text: written.text, signupChoice: false, segment },
      officer.id,
    );
    if (!draft.ok) return draft;
    const sent = await ctx.services.broadcasts.send(draft.id, officer.id, ctx.services.now(), undefined, "chat");
    return sent.ok ? { ok: true as const, id: draft.id } : sent;
  });
  if (!outcome.ok) {
    await written.ctx.reply(ctx.t(outcome.problem));
    return;
  }
  const status = await written.ctx.reply(ctx.t("bc-chat-started", { id: outcome.id }));
  // The outside context: its Bot API calls still work once this conversation has ended.
  await conversation.external((outside) => followProgress(outside, outcome.id, status.message_id));
}

/** `/broadcast`: officers and admins announce from chat what the dashboard's compose page sends. */
export function broadcastCommandFeature(flowPlugins: MiddlewareFn<FlowContext>[]): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(
    createConversation(composeBroadcast, {
      id: BROADCAST_FLOW,
      plugins: flowPlugins,
      maxMillisecondsToWait: FLOW_IDLE_MS,
    }),
  );
  composer.command("broadcast", async (ctx) => {
    if (!(await officerOrRefuse(ctx, "broadcast.send"))) return;
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(BROADCAST_FLOW);
  });
  return composer;
}
