import { chatAddress, type BotContext, type FlowContext, type SessionData } from "../../bot/context.js";
import { replyWithChoices } from "../../bot/choices.js";
import { offerRows } from "./choices.js";

/** A farmer who let the offer pass is asked again only after this long. */
const ASK_AGAIN_AFTER_MS = 180 * 86_400_000;

/**
 * Whether announcements are offered now: once per chat (after a first useful answer or a
 * registration, whichever comes first), again only long after, never to a chat already subscribed
 * or one that stopped them.
 * Records the offer in the session.
 */
export async function takeOfferTurn(outside: BotContext): Promise<boolean> {
  const session: SessionData = outside.session;
  if (session.subscriptionStoppedAt) return false;
  const now = outside.services.now();
  const last = session.subscriptionOfferedAt ? Date.parse(session.subscriptionOfferedAt) : undefined;
  if (last !== undefined && now.getTime() - last < ASK_AGAIN_AFTER_MS) return false;
  if (await outside.services.subscriptions.get(chatAddress(outside))) return false;
  session.subscriptionOfferedAt = now.toISOString();
  return true;
}

/** Asked separately and plainly (its own purpose). */
export async function offerSubscription(ctx: FlowContext): Promise<void> {
  await replyWithChoices(ctx, ctx.t("sub-offer"), offerRows(ctx.t));
}
