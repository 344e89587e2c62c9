import { Composer } from "grammy";
import { replyWithChoices } from "../../bot/choices.js";
import { chatAddress, type BotContext } from "../../bot/context.js";
import type { Translate } from "../../i18n/translate.js";
import { displayDate, vietnamDate } from "../../lib/vietnam-time.js";
import type { FarmerData } from "../../leads/farmer-data.js";
import { statusLabelKey } from "../../leads/lead-status.js";
import { answerLines } from "../register/questions.js";
import { topicList } from "../subscriptions/choices.js";

const BUTTON = "mydata:";
/** Telegram's limit is 4096 characters; a long question is shortened in the overview. */
const MESSAGE_LIMIT = 4000;
const QUESTION_PREVIEW = 300;
/** "27/11/2026", the calendar day in Vietnam. */
const vietnamDay = (date: Date) => displayDate(vietnamDate(date));

const preview = (text: string) => (text.length > QUESTION_PREVIEW ? `${text.slice(0, QUESTION_PREVIEW)}…` : text);

/** One message per lead and one for the questions, split further only if one is still too long. */
function dataMessages(data: FarmerData, t: Translate): string[] {
  const sections = data.leads.map((lead) =>
    [
      t("mydata-lead-title", { reference: lead.reference, status: t(statusLabelKey(lead.status)) }),
      ...answerLines(lead, t),
      t("mydata-consent", { version: lead.consentVersion, date: vietnamDay(lead.consentAt) }),
    ].join("\n"),
  );
  if (data.questions.length > 0) {
    const lines = data.questions.map((q) =>
      t("mydata-question", {
        reference: q.reference,
        date: vietnamDay(q.createdAt),
        state: t(q.answered ? "mydata-question-answered" : "mydata-question-open"),
        text: preview(q.text),
      }),
    );
    let current = t("mydata-questions-title");
    for (const line of lines) {
      if (current.length + line.length + 1 > MESSAGE_LIMIT) {
        sections.push(current);
        current = line;
      } else current += `\n${line}`;
    }
    sections.push(current);
  }
  if (data.subscription) {
    const { topics, communeName, consentVersion, consentAt } = data.subscription;
    sections.push(
      [
        t("mydata-subscription", {
          topics: topicList(t, topics),
          place: communeName ? t("sub-saved-place", { commune: communeName }) : "",
        }),
        t("mydata-consent", { version: consentVersion, date: vietnamDay(consentAt) }),
      ].join("\n"),
    );
  }
  if (data.eligibilityChecks.length > 0) {
    // Days, not times: a farmer who checked five times in one evening reads one date.
    const days = [...new Set(data.eligibilityChecks.map(vietnamDay))];
    sections.push(t("mydata-eligibility", { count: data.eligibilityChecks.length, dates: days.join(", ") }));
  }
  return sections;
}

/**
 * /dulieu and /xoa: what is stored about this chat, and erasing it after a confirmation button.
 * Installed before the flows, so both work in the middle of a registration too.
 */
export function myDataFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("dulieu", async (ctx) => {
    const data = await ctx.services.farmerData.view(chatAddress(ctx));
    if (
      data.leads.length === 0 &&
      data.questions.length === 0 &&
      data.eligibilityChecks.length === 0 &&
      !data.subscription
    ) {
      await ctx.reply(ctx.t("mydata-empty"));
      return;
    }
    await ctx.reply(ctx.t("mydata-title"));
    for (const text of dataMessages(data, ctx.t)) await ctx.reply(text);
    await ctx.reply(ctx.t("mydata-footer"));
  });

  composer.command("xoa", (ctx) =>
    replyWithChoices(ctx, ctx.t("mydata-erase-confirm"), [
      [{ text: ctx.t("mydata-erase-yes"), data: `${BUTTON}erase`, means: "yes" }],
      [{ text: ctx.t("mydata-erase-no"), data: `${BUTTON}keep`, means: "no" }],
    ]),
  );

  composer.callbackQuery(`${BUTTON}erase`, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    const erased = await ctx.services.farmerData.erase(chatAddress(ctx));
    // A registration in progress holds typed answers in its state; the session keeps only the greeting date.
    await ctx.conversation.exitAll();
    ctx.session = { ...(ctx.session.firstSeenAt ? { firstSeenAt: ctx.session.firstSeenAt } : {}) };
    await ctx.reply(ctx.t("mydata-erased", erased));
  });

  composer.callbackQuery(`${BUTTON}keep`, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(ctx.t("mydata-kept"));
  });

  return composer;
}
