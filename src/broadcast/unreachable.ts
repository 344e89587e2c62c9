import type { PrismaClient } from "../db/index.js";
import type { ChatAddress } from "../outbound/outbox.js";

/** Marks a chat the channel refused for good, once; later messages to it are skipped, not tried. */
export async function markUnreachable(
  prisma: PrismaClient,
  chat: ChatAddress,
  reason: string,
  now: Date,
): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO unreachable_chat (channel, chat_id, reason, since) VALUES (${chat.channel}, ${chat.chatId}, ${reason}, ${now})
    ON CONFLICT (channel, chat_id) DO NOTHING`;
}
