import type { FlowContext } from "../../bot/context.js";
import { replyWithChoices } from "../../bot/choices.js";
import { offerRows } from "./choices.js";

/** Asked separately and plainly (its own purpose): after a first useful answer and a registration. */
export async function offerSubscription(ctx: FlowContext): Promise<void> {
  await replyWithChoices(ctx, ctx.t("sub-offer"), offerRows(ctx.t));
}
