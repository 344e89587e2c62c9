import type { PrismaClient } from "../db/index.js";
import type { ChatAddress, OutboundMessage, Outbox } from "../outbound/outbox.js";
import { mayAct, type StaffAction, type StaffRole } from "./roles.js";

/**
 * Tells every officer who linked a chat (`/canbo <code>`) about something new: a lead, a pool, a
 * question, a draft announcement waiting for them. Every button under these messages is an action
 * (claim, contacted, answer), so read-only staff get the text alone; a notice about something only
 * some roles may do (`forWhoMay`) goes to those alone.
 */
export interface OfficerNotifier {
  notify(message: OutboundMessage, forWhoMay?: StaffAction): Promise<void>;
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
    async notify(message, forWhoMay) {
      for (const { role, ...chat } of await linkedOfficerChats()) {
        if (forWhoMay && !mayAct(role, forWhoMay)) continue;
        const { buttons, ...readOnly } = message;
        await outbox.enqueue(chat, mayAct(role, "lead.claim") || !buttons ? message : readOnly);
      }
    },
  };
}
