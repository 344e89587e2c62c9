import type { PrismaClient } from "../db/index.js";
import type { ChatAddress, OutboundMessage, Outbox } from "../outbound/outbox.js";
import { mayAct, type StaffRole } from "./roles.js";

/**
 * Tells every officer who linked a chat (`/canbo <code>`) about something new: a lead, a pool, a
 * question. Every button under these messages is an action (claim, contacted, answer), so read-only
 * staff get the text alone.
 */
export interface OfficerNotifier {
  notify(message: OutboundMessage): Promise<void>;
}

export function officerNotifier(prisma: PrismaClient, outbox: Outbox): OfficerNotifier {
  async function linkedOfficerChats(): Promise<Array<ChatAddress & { role: StaffRole }>> {
    const users = await prisma.staffUser.findMany({
      where: { active: true, chatChannel: { not: null }, chatId: { not: null } },
      orderBy: { id: "asc" },
    });
    return users.map((u) => ({ channel: u.chatChannel!, chatId: u.chatId!, role: u.role }));
  }
  return {
    async notify(message) {
      for (const { role, ...chat } of await linkedOfficerChats()) {
        const { buttons, ...readOnly } = message;
        await outbox.enqueue(chat, mayAct(role, "lead.claim") || !buttons ? message : readOnly);
      }
    },
  };
}
