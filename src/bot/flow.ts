import type { Conversation } from "@grammyjs/conversations";
import type { BotContext, FlowContext } from "./context.js";

/** The conversation type every flow uses: outside context BotContext, inside FlowContext. */
export type Flow = Conversation<BotContext, FlowContext>;

/**
 * Waits for a text message. Stickers, photos, voice and files get a polite reminder and the flow
 * keeps waiting, so nothing typed before is lost.
 */
export async function waitForText(conversation: Flow, ctx: FlowContext): Promise<string> {
  const reply = await conversation.waitFor("message:text", {
    otherwise: (other) => other.reply(ctx.t("flow-text-expected")),
  });
  return reply.message.text.trim();
}

/**
 * Waits for one of this flow's buttons (callback data with `prefix`). Other buttons fall through to
 * the rest of the bot; typed text gets a reminder to use the buttons.
 */
export async function waitForButton(conversation: Flow, ctx: FlowContext, prefix: string): Promise<{ ctx: FlowContext; choice: string }> {
  for (;;) {
    const next = await conversation.wait();
    const data = next.callbackQuery?.data;
    if (data?.startsWith(prefix)) {
      await next.answerCallbackQuery();
      await next.editMessageReplyMarkup().catch(() => undefined);
      return { ctx: next, choice: data.slice(prefix.length) };
    }
    if (data !== undefined) await conversation.skip({ next: true });
    await next.reply(ctx.t("flow-button-expected"));
  }
}
