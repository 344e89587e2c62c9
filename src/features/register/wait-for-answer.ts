import type { FlowContext } from "../../bot/context.js";
import type { Flow } from "../../bot/flow.js";

export type Answer = { ctx: FlowContext; text: string; choice?: never } | { ctx: FlowContext; choice: string; text?: never };

/**
 * Waits for typed text or one of this step's buttons (callback data starting with `prefix`): most
 * questions offer buttons (choices, *Quay lại*, *Bỏ qua*) and still accept typing. Buttons of other
 * steps fall through to the rest of the bot; stickers and photos get the usual reminder.
 */
export async function waitForAnswer(conversation: Flow, ctx: FlowContext, prefix: string): Promise<Answer> {
  for (;;) {
    const next = await conversation.wait();
    const data = next.callbackQuery?.data;
    if (data?.startsWith(prefix)) {
      await next.answerCallbackQuery();
      await next.editMessageReplyMarkup().catch(() => undefined);
      return { ctx: next, choice: data.slice(prefix.length) };
    }
    if (data !== undefined) await conversation.skip({ next: true });
    const text = next.message?.text;
    if (text !== undefined) return { ctx: next, text: text.trim() };
    await next.reply(ctx.t("flow-text-expected"));
  }
}
