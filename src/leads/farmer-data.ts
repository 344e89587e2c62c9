import type { PrismaClient } from "../db/index.js";
import type { AuditLog } from "../audit/audit-log.js";
import type { ChatAddress } from "../outbound/outbox.js";
import { deleteFaqsOfQuestions } from "../questions/faq.js";
import { questionReference } from "../questions/question-queue.js";
import { eraseLeads, leadRepository } from "./lead-repository.js";
import type { StoredLead } from "./lead.js";
import { isTopic, type Topic } from "../broadcast/topics.js";

export type StoredQuestion = { reference: string; text: string; createdAt: Date; answered: boolean };
/** `eligibilityChecks`: when each check of this chat was made (its answers and results are stored too). */
/** The announcement subscription of this chat: topics, commune and the consent given for it. */
export type StoredSubscription = {
  topics: Topic[];
  communeName: string | null;
  consentVersion: string;
  consentAt: Date;
};
export type FarmerData = {
  leads: StoredLead[];
  questions: StoredQuestion[];
  eligibilityChecks: Date[];
  subscription?: StoredSubscription;
};
export type ErasureCounts = {
  leads: number;
  questions: number;
  faqEntries: number;
  eligibilityChecks: number;
  outboundMessages: number;
  chatMessages: number;
  subscriptions: number;
};

export type FarmerDataService = ReturnType<typeof farmerDataService>;

/**
 * A farmer's rights over their own data (Luật 91/2025/QH15 Điều 4): see what is stored about this
 * chat (/dulieu) and erase it (/xoa). Both are audited with counts only, never the data itself.
 */
export function farmerDataService(deps: { prisma: PrismaClient; audit: AuditLog; now: () => Date }) {
  const { prisma, audit, now } = deps;
  const leads = leadRepository(prisma);
  // Erased questions keep no chat, so they no longer match any farmer.
  const ofChat = (chat: ChatAddress) => ({ channel: chat.channel, chatId: chat.chatId });

  return {
    async view(chat: ChatAddress): Promise<FarmerData> {
      const [found, questions, checks, subscription] = await Promise.all([
        leads.byChat(chat),
        prisma.officerQuestion.findMany({ where: ofChat(chat), orderBy: { id: "asc" } }),
        prisma.eligibilityCheck.findMany({ where: ofChat(chat), orderBy: { id: "asc" }, select: { createdAt: true } }),
        prisma.subscription.findUnique({ where: { channel_chatId: ofChat(chat) } }),
      ]);
      await audit.record({
        action: "farmer.data_view",
        channel: chat.channel,
        chatId: chat.chatId,
        details: {
          leads: found.length,
          questions: questions.length,
          eligibilityChecks: checks.length,
          subscriptions: subscription ? 1 : 0,
        },
        at: now(),
      });
      return {
        leads: found,
        questions: questions.map((q) => ({
          reference: questionReference(q.id),
          text: q.text,
          createdAt: q.createdAt,
          answered: q.status === "answered",
        })),
        eligibilityChecks: checks.map((c) => c.createdAt),
        ...(subscription
          ? {
              subscription: {
                topics: subscription.topics.filter(isTopic),
                communeName: subscription.communeName,
                consentVersion: subscription.consentVersion,
                consentAt: subscription.consentAt,
              },
            }
          : {}),
      };
    },

    /**
     * A flow the farmer declined or cancelled stores nothing, but the web chat's own transcript holds
     * what was typed and echoed (name, phone): its lines since the flow began go. Other channels keep
     * no transcript here (their history lives in the farmer's own app).
     */
    async forgetFlowMessages(chat: ChatAddress, since: Date): Promise<number> {
      if (chat.channel !== "webchat") return 0;
      const { count } = await prisma.webChatMessage.deleteMany({
        where: { session: chat.chatId, createdAt: { gte: since } },
      });
      return count;
    },

    /**
     * In one transaction: leads lose their personal fields (the anonymous rest still counts);
     * questions lose their text, answer and chat (FAQ entries written from them are deleted), and open ones are closed since nobody could receive
     * the answer; eligibility checks (the farmer's answers about family and land) and messages still
     * queued for or already sent to this chat (they quote the farmer) are deleted, and so is a web
     * chat transcript; the announcement subscription and the deliveries to this chat too.
     */
    async erase(chat: ChatAddress): Promise<ErasureCounts> {
      const at = now();
      const counts = await prisma.$transaction(async (tx) => {
        const erasedLeads = await eraseLeads(tx, ofChat(chat), "erased_by_farmer", at);
        // FAQ entries written from this farmer's questions go, published or not (Luật 91/2025 Điều 4 khoản 1 điểm d).
        const asked = await tx.officerQuestion.findMany({ where: ofChat(chat), select: { id: true } });
        const faqEntries = await deleteFaqsOfQuestions(
          tx,
          asked.map((q) => q.id),
        );
        await tx.officerQuestion.updateMany({ where: { ...ofChat(chat), status: "open" }, data: { status: "closed" } });
        const questions = await tx.officerQuestion.updateMany({
          where: ofChat(chat),
          data: { text: "", answer: null, chatId: "" },
        });
        const checks = await tx.eligibilityCheck.deleteMany({ where: ofChat(chat) });
        const outbound = await tx.outboundJob.deleteMany({ where: ofChat(chat) });
        // Announcements: the consent goes, and so do the per-recipient rows naming this chat.
        const subscriptions = await tx.subscription.deleteMany({ where: ofChat(chat) });
        await tx.broadcastDelivery.deleteMany({ where: ofChat(chat) });
        await tx.unreachableChat.deleteMany({ where: ofChat(chat) });
        // The web chat keeps its own transcript of what the farmer typed (names, phone numbers): it goes too.
        const messages =
          chat.channel === "webchat"
            ? await tx.webChatMessage.deleteMany({ where: { session: chat.chatId } })
            : { count: 0 };
        return {
          leads: erasedLeads,
          questions: questions.count,
          faqEntries,
          eligibilityChecks: checks.count,
          outboundMessages: outbound.count,
          chatMessages: messages.count,
          subscriptions: subscriptions.count,
        };
      });
      await audit.record({ action: "farmer.erase", channel: chat.channel, chatId: chat.chatId, details: counts, at });
      return counts;
    },
  };
}
