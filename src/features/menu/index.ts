import { Composer } from "grammy";
import { chatAddress, type BotContext } from "../../bot/context.js";
import { foldVietnamese } from "../../lib/vietnamese.js";
import { replyWithChoices } from "../../bot/choices.js";
import { isInFlow } from "../../bot/flow.js";
import { MENU_CALLBACK_PREFIX, MENU_ITEMS, mainMenuChoices, type MenuItem } from "./main-menu.js";
import { typedMenuItem } from "./typed-menu-item.js";

/** What a feature does when its main-menu button is pressed (a flow is entered, a list is shown, ...). */
export type MenuEntries = Partial<Record<MenuItem, (ctx: BotContext) => Promise<unknown>>>;

export async function showMainMenu(ctx: BotContext, intro = ctx.t("menu-prompt")): Promise<void> {
  await replyWithChoices(ctx, intro, mainMenuChoices(ctx.t));
}

/** The welcome (or welcome back) with the menu. */
async function greet(ctx: BotContext): Promise<void> {
  const returning = ctx.session.firstSeenAt !== undefined;
  ctx.session.firstSeenAt ??= ctx.services.now().toISOString();
  await showMainMenu(ctx, ctx.t(returning ? "start-welcome-back" : "start-welcome"));
}

/** Whole messages (folded) that open the menu outside a flow. */
const OPENING_WORDS = new Set([
  "menu",
  "start",
  "bat dau",
  "chao",
  "xin chao",
  "chao ban",
  "chao bot",
  "hi",
  "hello",
  "alo",
  "a lo",
]);

const MENU_BUTTON = new RegExp(`^${MENU_CALLBACK_PREFIX}(${MENU_ITEMS.join("|")})$`);

/**
 * Commands and main-menu buttons work everywhere, also in the middle of a flow. `beforeFlows` is
 * installed before the conversations so it sees every update first (and leaves the current flow for
 * a menu button); `afterFlows` opens the chosen feature once the conversations are registered.
 */
export function menuFeature(entries: MenuEntries): {
  beforeFlows: Composer<BotContext>;
  afterFlows: Composer<BotContext>;
} {
  const composer = new Composer<BotContext>();

  composer.command("start", async (ctx) => {
    await ctx.conversation.exitAll();
    await greet(ctx);
  });

  composer.command("menu", (ctx) => showMainMenu(ctx));

  composer.command("help", async (ctx) => {
    const inFlow = await isInFlow(ctx);
    await ctx.reply(ctx.t("help-text"));
    if (inFlow) await ctx.reply(ctx.t("help-flow-continues"));
  });

  composer.command("huy", async (ctx) => {
    const inFlow = await isInFlow(ctx);
    await ctx.conversation.exitAll();
    // What was typed in the dropped flow is not kept, in the web chat's transcript either.
    if (inFlow && ctx.session.flowStartedAt)
      await ctx.services.farmerData.forgetFlowMessages(chatAddress(ctx), new Date(ctx.session.flowStartedAt));
    await showMainMenu(ctx, ctx.t(inFlow ? "cancel-done" : "cancel-nothing"));
  });

  composer.callbackQuery(MENU_BUTTON, async (ctx, next) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await next();
  });

  const opener = new Composer<BotContext>();
  // Where there is no /start button (Zalo), farmers open with a greeting or ask for the menu in words.
  opener.on("message:text").filter((ctx) => OPENING_WORDS.has(foldVietnamese(ctx.message.text)), greet);
  const open = async (ctx: BotContext, item: MenuItem) => {
    const entry = entries[item];
    if (entry) await entry(ctx);
    else await showMainMenu(ctx, ctx.t("menu-coming-soon", { item: ctx.t(`menu-${item}`) }));
  };
  opener.callbackQuery(MENU_BUTTON, (ctx) => open(ctx, ctx.match[1] as MenuItem));
  // A menu item asked for in words ("gap can bo") opens the same path as its button.
  opener.on("message:text", async (ctx, next) => {
    const item = typedMenuItem(ctx.message.text, ctx.t);
    return item ? open(ctx, item) : next();
  });

  return { beforeFlows: composer, afterFlows: opener };
}
