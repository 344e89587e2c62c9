/**
 * The Zalo OA's delivery rules (Zalo OA help pages, 2025): after a user's message the OA may send 8
 * messages within 48 hours for free (a reply); the count starts again when the user writes again.
 * Anything else is proactive: only a verified OA may send it, against a monthly quota. Pure functions
 * with the clock passed in; `oa-contacts.ts` applies them under row locks.
 */
export const REPLY_WINDOW_MS = 48 * 3600_000;
export const FREE_REPLIES = 8;

export interface OaContactState {
  /** When the user last wrote to the OA; null when they only followed it. */
  lastInboundAt: Date | null;
  /** Messages the OA sent since then. */
  sentSinceInbound: number;
}

export interface OaQuotaState {
  verified: boolean;
  monthlyQuota: number;
  usedThisMonth: number;
}

/** Why a message may not be sent; each has a text `outbound-undeliverable-<reason>`. */
export type OaRefusal = "oa-never-wrote" | "oa-window-closed" | "oa-quota-used";

export type OaSendDecision = { kind: "reply" } | { kind: "proactive" } | { kind: "refused"; reason: OaRefusal };

export function withinReplyWindow(contact: OaContactState, now: Date): boolean {
  return (
    contact.lastInboundAt !== null &&
    now.getTime() - contact.lastInboundAt.getTime() <= REPLY_WINDOW_MS &&
    contact.sentSinceInbound < FREE_REPLIES
  );
}

/** What kind of message the next one to this user would be, or why it may not be sent. */
export function decideOaSend(contact: OaContactState | undefined, quota: OaQuotaState, now: Date): OaSendDecision {
  if (contact && withinReplyWindow(contact, now)) return { kind: "reply" };
  if (!quota.verified)
    return { kind: "refused", reason: contact?.lastInboundAt ? "oa-window-closed" : "oa-never-wrote" };
  if (quota.usedThisMonth >= quota.monthlyQuota) return { kind: "refused", reason: "oa-quota-used" };
  return { kind: "proactive" };
}
