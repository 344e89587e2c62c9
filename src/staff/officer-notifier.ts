import type { PrismaClient } from "../db/index.js";
import type { ChatAddress, OutboundMessage, Outbox } from "../outbound/outbox.js";

/** Tells every officer who linked a chat (`/canbo <code>`) about something new: a lead, a pool, a question. */
export interface OfficerNotifier {
  notify(message: OutboundMessage): Promise<void>;
}

export function officerNotifier(prisma: PrismaClient, outbox: Outbox): OfficerNotifier {
  async function linkedOfficerChats(): Promise<ChatAddress[]> {
    const users = await prisma.staffUser.findMany({ where: { active: true, chatChannel: { not: null }, chatId: { not: null } }, orderBy: { id: "asc" } });
    return users.map((u) => ({ channel: u.chatChannel!, chatId: u.chatId! }));
  }
  return {
    async notify(message) {
      for (const chat of await linkedOfficerChats()) await outbox.enqueue(chat, message);
    },
  };
}
