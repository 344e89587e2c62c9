import { Composer } from "grammy";
import { replyWithChoices, type Choice } from "../../bot/choices.js";
import type { BotContext } from "../../bot/context.js";

/** Callback data stays under Telegram's 64 bytes: section ids are short by design. */
const TOPIC = "law:t:";
const SECTION = "law:s:";
const TOPICS = "law:topics";
const SECTIONS_PER_PAGE = 8;

/** Topic order for *Tìm hiểu Luật HTX 2023*: the law first, then programmes and local context. */
async function orderedTopics(ctx: BotContext) {
  const { knowledge } = ctx.services;
  const topics = await knowledge.topics();
  const aboutLaw = await Promise.all(
    topics.map(async (topic) => (await knowledge.sectionsOfTopic(topic.id)).some((s) => s.id.startsWith("luat-htx"))),
  );
  return topics
    .map((topic, i) => ({ topic, lawFirst: aboutLaw[i] ? 0 : 1 }))
    .sort((a, b) => a.lawFirst - b.lawFirst)
    .map(({ topic }) => topic);
}

export async function showTopics(ctx: BotContext): Promise<void> {
  await replyWithChoices(
    ctx,
    ctx.t("law-topics"),
    (await orderedTopics(ctx)).map((topic) => [{ text: topic.title, data: `${TOPIC}${topic.id}:0` }]),
  );
}

async function showTopic(ctx: BotContext, topicId: string, page: number): Promise<void> {
  const topic = (await ctx.services.knowledge.topics()).find((t) => t.id === topicId);
  const sections = await ctx.services.knowledge.sectionsOfTopic(topicId);
  if (!topic || sections.length === 0) {
    await ctx.reply(ctx.t("law-missing"));
    return showTopics(ctx);
  }
  const pages = Math.ceil(sections.length / SECTIONS_PER_PAGE);
  const current = Math.min(Math.max(page, 0), pages - 1);
  const rows: Choice[][] = sections
    .slice(current * SECTIONS_PER_PAGE, (current + 1) * SECTIONS_PER_PAGE)
    .map((section) => [{ text: section.heading, data: `${SECTION}${section.id}` }]);
  if (current + 1 < pages) rows.push([{ text: ctx.t("law-more"), data: `${TOPIC}${topicId}:${current + 1}` }]);
  rows.push([{ text: ctx.t("law-all-topics"), data: TOPICS }]);
  await replyWithChoices(ctx, ctx.t("law-topic", { topic: topic.title, page: current + 1, pages }), rows);
}

/** One section in full, with its source and warnings, and a way on to the next one. */
export async function showSection(ctx: BotContext, sectionId: string): Promise<void> {
  const section = await ctx.services.knowledge.section(sectionId);
  if (!section) {
    await ctx.reply(ctx.t("law-missing"));
    return showTopics(ctx);
  }
  const siblings = section.topic ? await ctx.services.knowledge.sectionsOfTopic(section.topic) : [];
  const position = siblings.findIndex((s) => s.id === section.id);
  const next = position >= 0 ? siblings[position + 1] : undefined;
  const rows: Choice[][] = [
    next ? [{ text: ctx.t("law-next", { heading: next.heading }), data: `${SECTION}${next.id}` }] : [],
    [
      ...(section.topic
        ? [
            {
              text: ctx.t("law-back-topic"),
              data: `${TOPIC}${section.topic}:${Math.floor(Math.max(position, 0) / SECTIONS_PER_PAGE)}`,
            },
          ]
        : []),
      { text: ctx.t("law-ask-officer"), data: "menu:officer" },
    ],
  ];
  const text = [`📖 ${section.heading}`, section.text, section.reference, ...section.warnings]
    .filter(Boolean)
    .join("\n\n");
  await replyWithChoices(ctx, text, rows);
}

/** *Tìm hiểu Luật HTX 2023*: browse the guides by topic, read a section in full with its source. */
export function learnLawFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(TOPICS, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showTopics(ctx);
  });
  composer.callbackQuery(/^law:t:([\w-]+):(\d+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showTopic(ctx, ctx.match[1]!, Number(ctx.match[2]));
  });
  composer.callbackQuery(/^law:s:(.+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showSection(ctx, ctx.match[1]!);
  });
  return composer;
}
