import { communeWithProvince } from "../places/place-data.js";
import type { PrismaClient } from "../db/index.js";
import { consentHash } from "../leads/consent.js";
import type { Translate } from "../i18n/translate.js";
import type { ChatAddress } from "../outbound/outbox.js";
import type { Topic } from "./topics.js";
import { isTopic } from "./topics.js";

/**
 * Consent to announcements is its own purpose (Luật 91/2025/QH15 Điều 9 khoản 4 điểm a-b): asked
 * apart from a registration, with its own text, version and hash. Changing the text requires a new
 * version (the test pins the hash).
 */
export const SUBSCRIPTION_CONSENT_VERSION = "2026-12-v1";

export function subscriptionConsent(controller: string, t: Translate): { version: string; text: string; hash: string } {
  const text = t("sub-consent-text", { controller });
  return { version: SUBSCRIPTION_CONSENT_VERSION, text, hash: consentHash(text) };
}

export type SubscriptionView = { topics: Topic[]; communeCode: string | null; communeName: string | null };
export type SubscriptionChoice = { topics: Topic[]; commune?: { code: string; name: string } };

export type SubscriptionService = ReturnType<typeof subscriptionService>;

/** Who wants which announcements, where. Subscribing again or changing topics renews the consent. */
export function subscriptionService(deps: { prisma: PrismaClient; now: () => Date }) {
  const { prisma, now } = deps;
  const key = (chat: ChatAddress) => ({ channel_chatId: { channel: chat.channel, chatId: chat.chatId } });

  return {
    async get(chat: ChatAddress): Promise<SubscriptionView | undefined> {
      const row = await prisma.subscription.findUnique({ where: key(chat) });
      return row
        ? { topics: row.topics.filter(isTopic), communeCode: row.communeCode, communeName: row.communeName }
        : undefined;
    },

    /** The commune to offer first: the subscription's, else the latest registration's from this chat. */
    async knownCommune(chat: ChatAddress): Promise<{ code: string; name: string } | undefined> {
      const current = await prisma.subscription.findUnique({
        where: key(chat),
        select: { communeCode: true, communeName: true },
      });
      if (current?.communeCode) return { code: current.communeCode, name: current.communeName ?? current.communeCode };
      const lead = await prisma.lead.findFirst({
        where: { channel: chat.channel, chatId: chat.chatId, erasedAt: null },
        orderBy: { id: "desc" },
        select: { communeCode: true, communeName: true, provinceName: true },
      });
      // Named as a typed commune is ("Xã Kế Sách, Thành phố Cần Thơ"): one commune, one name everywhere.
      return lead
        ? { code: lead.communeCode, name: communeWithProvince(lead.communeName, lead.provinceName) }
        : undefined;
    },

    /** Saves the farmer's choice with proof of the consent text; a farmer who writes to us again is reachable again. */
    async save(
      chat: ChatAddress,
      choice: SubscriptionChoice,
      consent: { version: string; hash: string },
    ): Promise<void> {
      const at = now();
      const data = {
        topics: choice.topics,
        communeCode: choice.commune?.code ?? null,
        communeName: choice.commune?.name ?? null,
        consentVersion: consent.version,
        consentHash: consent.hash,
        consentAt: at,
      };
      await prisma.$transaction([
        prisma.subscription.upsert({
          where: key(chat),
          create: { channel: chat.channel, chatId: chat.chatId, ...data },
          update: data,
        }),
        prisma.unreachableChat.deleteMany({ where: { channel: chat.channel, chatId: chat.chatId } }),
      ]);
    },

    /** /dunggui: everything stops at once; true when there was something to stop. */
    async stop(chat: ChatAddress): Promise<boolean> {
      const { count } = await prisma.subscription.deleteMany({ where: { channel: chat.channel, chatId: chat.chatId } });
      return count > 0;
    },
  };
}
