import type { PrismaClient } from "../db/index.js";
import type { ChatAddress } from "../outbound/outbox.js";

/** Why a recipient was not sent to; reported per campaign. */
export type SkipReason = "unsubscribed" | "unreachable" | "quota" | "window" | "cancelled";

/**
 * A channel's own limit on who may receive a broadcast now (Zalo OA: broadcasts per follower per
 * day and month, a reply window). Undefined means "may send".
 */
export interface DeliveryRule {
  check(chat: ChatAddress, now: Date): Promise<Extract<SkipReason, "quota" | "window"> | undefined>;
}

const DAY_MS = 86_400_000;

/**
 * At most `perDay` broadcasts in the last 24 hours and `perMonth` in the last 30 days to one chat of
 * the channel (the OA package's caps; rolling windows, so a limit is never exceeded across midnight).
 */
export function broadcastQuota(prisma: PrismaClient, limits: { perDay: number; perMonth: number }): DeliveryRule {
  return {
    async check(chat, now) {
      const [row] = await prisma.$queryRaw<[{ day: number; month: number }]>`
        SELECT count(*) FILTER (WHERE sent_at > ${new Date(now.getTime() - DAY_MS)})::int AS day, count(*)::int AS month
          FROM broadcast_delivery
         WHERE channel = ${chat.channel} AND chat_id = ${chat.chatId} AND status = 'sent' AND sent_at > ${new Date(now.getTime() - 30 * DAY_MS)}`;
      return row.day >= limits.perDay || row.month >= limits.perMonth ? "quota" : undefined;
    },
  };
}
