import { Composer } from "grammy";
import { chatAddress, type BotContext } from "../../bot/context.js";
import { SIGNUP_PREFIX } from "../../broadcast/announcement.js";
import { enterRegister } from "../register/index.js";

/**
 * The "Đăng ký" choice under an announcement: the press counts in the campaign's report and the
 * registration opens. Mounted after the registration feature: grammY enters only a conversation that
 * middleware before it has registered.
 */
export function announcementSignupFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(new RegExp(`^${SIGNUP_PREFIX}(\\d{1,9})$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.services.broadcasts.recordPress(Number(ctx.match[1]), chatAddress(ctx), ctx.services.now());
    await ctx.conversation.exitAll();
    await enterRegister(ctx);
  });
  return composer;
}
