import type { PrismaClient } from "../db/index.js";
import type { AuditLog } from "../audit/audit-log.js";
import type { ChatAddress } from "../outbound/outbox.js";
import { questionReference } from "../questions/question-queue.js";
import { leadRepository } from "./lead-repository.js";
import type { StoredLead } from "./lead.js";

export type StoredQuestion = { reference: string; text: string; createdAt: Date; answered: boolean };
export type FarmerData = { leads: StoredLead[]; questions: StoredQuestion[] };
export type ErasureCounts = { leads: number; questions: number; chatMessages: number };

export type FarmerDataService = ReturnType<typeof farmerDataService>;

/**
 * A farmer's rights over their own data (Luật 91/2025/QH15 Điều 4): see what is stored about this
 * chat (/dulieu) and erase it (/xoa). Both are audited with counts only, never the data itself.
 */
export function farmerDataService(deps: { prisma: PrismaClient; audit: AuditLog; now: () => Date }) {
  const { prisma, audit, now } = deps;
  const leads = leadRepository(prisma);
  // Erased questions keep no chat, so they no longer match any farmer.
  const questionsOf = (chat: ChatAddress) => ({ channel: chat.channel, chatId: chat.chatId });

  return {
    async view(chat: ChatAddress): Promise<FarmerData> {
      const [found, questions] = await Promise.all([
        leads.byChat(chat),
        prisma.officerQuestion.findMany({ where: questionsOf(chat), orderBy: { id: "asc" } }),
      ]);
      await audit.record({
        action: "farmer_data_view",
        channel: chat.channel,
        chatId: chat.chatId,
        details: { leads: found.length, questions: questions.length },
        at: now(),
      });
      return {
        leads: found,
        questions: questions.map((q) => ({ reference: questionReference(q.id), text: q.text, createdAt: q.createdAt, answered: q.status === "answered" })),
      };
    },

    /**
     * Leads lose their personal fields (the anonymous rest still counts); questions lose their text,
     * answer and chat, and open ones are closed since nobody could receive the answer; a web chat
     * transcript is deleted.
     */
    async erase(chat: ChatAddress): Promise<ErasureCounts> {
      const at = now();
      const erasedLeads = await leads.eraseByChat(chat, at);
      await prisma.officerQuestion.updateMany({ where: { ...questionsOf(chat), status: "open" }, data: { status: "closed" } });
      const erasedQuestions = await prisma.officerQuestion.updateMany({ where: questionsOf(chat), data: { text: "", answer: null, chatId: "" } });
      // The web chat keeps its own transcript of what the farmer typed (names, phone numbers): it goes too.
      const erasedMessages = chat.channel === "webchat" ? await prisma.webChatMessage.deleteMany({ where: { session: chat.chatId } }) : { count: 0 };
      const counts = { leads: erasedLeads, questions: erasedQuestions.count, chatMessages: erasedMessages.count };
      await audit.record({ action: "farmer_data_erase", channel: chat.channel, chatId: chat.chatId, details: counts, at });
      return counts;
    },
  };
}
