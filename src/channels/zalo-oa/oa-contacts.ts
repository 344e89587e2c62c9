import type { PrismaClient } from "../../db/index.js";
import { vietnamDate } from "../../lib/vietnam-time.js";
import { decideOaSend, type OaRefusal } from "./delivery-rules.js";

/**
 * Per-user state for the OA's delivery rules, in the database so every instance counts the same:
 * when the farmer last wrote, how many messages the OA sent since, and the month's proactive quota.
 */
export interface OaQuotaSettings {
  verified: boolean;
  monthlyProactiveQuota: number;
}

export type OaSendSlot =
  { kind: "reply" | "proactive"; release(): Promise<void> } | { kind: "refused"; reason: OaRefusal };

export interface OaContacts {
  /**
   * The farmer wrote: a new reply window opens and the count starts again. Idempotent: a redelivered
   * or older message does not reset the count.
   */
  recordInbound(userId: string, messageId: string, at: Date): Promise<void>;
  recordFollow(userId: string, following: boolean): Promise<void>;
  /**
   * Takes one send of the rules' allowance for this user (a reply, or one of the month's proactive
   * messages) or says why none is left. `release` gives it back when the send then failed.
   */
  reserve(userId: string, now: Date): Promise<OaSendSlot>;
}

/** The quota's month in Vietnam time, "2026-12". */
const monthOf = (at: Date) => vietnamDate(at).slice(0, 7);

interface ContactRow {
  last_inbound_at: Date | null;
  sent_since_inbound: number;
}

export function prismaOaContacts(prisma: PrismaClient, settings: OaQuotaSettings): OaContacts {
  return {
    async recordInbound(userId, messageId, at) {
      await prisma.$executeRaw`
        INSERT INTO zalo_oa_contact (user_id, last_inbound_at, last_inbound_msg_id, sent_since_inbound, updated_at)
        VALUES (${userId}, ${at}, ${messageId}, 0, ${at})
        ON CONFLICT (user_id) DO UPDATE SET last_inbound_at = EXCLUDED.last_inbound_at, last_inbound_msg_id = EXCLUDED.last_inbound_msg_id,
                                             sent_since_inbound = 0, updated_at = EXCLUDED.updated_at
         WHERE zalo_oa_contact.last_inbound_at IS NULL OR zalo_oa_contact.last_inbound_at < EXCLUDED.last_inbound_at`;
    },

    async recordFollow(userId, following) {
      await prisma.zaloOaContact.upsert({ where: { userId }, create: { userId, following }, update: { following } });
    },

    async reserve(userId, now) {
      const month = monthOf(now);
      return prisma.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO zalo_oa_contact (user_id, updated_at) VALUES (${userId}, ${now}) ON CONFLICT DO NOTHING`;
        await tx.$executeRaw`INSERT INTO zalo_oa_proactive_quota (month, used) VALUES (${month}, 0) ON CONFLICT DO NOTHING`;
        const [contact] = await tx.$queryRaw<ContactRow[]>`
          SELECT last_inbound_at, sent_since_inbound FROM zalo_oa_contact WHERE user_id = ${userId} FOR UPDATE`;
        const [quota] = await tx.$queryRaw<
          Array<{ used: number }>
        >`SELECT used FROM zalo_oa_proactive_quota WHERE month = ${month} FOR UPDATE`;
        const decision = decideOaSend(
          { lastInboundAt: contact!.last_inbound_at, sentSinceInbound: contact!.sent_since_inbound },
          { verified: settings.verified, monthlyQuota: settings.monthlyProactiveQuota, usedThisMonth: quota!.used },
          now,
        );
        if (decision.kind === "refused") return decision;
        if (decision.kind === "reply") {
          await tx.$executeRaw`UPDATE zalo_oa_contact SET sent_since_inbound = sent_since_inbound + 1, updated_at = ${now} WHERE user_id = ${userId}`;
          const windowOpenedAt = contact!.last_inbound_at;
          return {
            kind: "reply" as const,
            // Only when the farmer has not written since (a new message reset the count already).
            release: async () => {
              await prisma.$executeRaw`UPDATE zalo_oa_contact SET sent_since_inbound = GREATEST(sent_since_inbound - 1, 0)
                                        WHERE user_id = ${userId} AND last_inbound_at = ${windowOpenedAt}`;
            },
          };
        }
        await tx.$executeRaw`UPDATE zalo_oa_proactive_quota SET used = used + 1 WHERE month = ${month}`;
        return {
          kind: "proactive" as const,
          release: async () => {
            await prisma.$executeRaw`UPDATE zalo_oa_proactive_quota SET used = GREATEST(used - 1, 0) WHERE month = ${month}`;
          },
        };
      });
    },
  };
}
