import type { PrismaClient } from "../db/index.js";
import { stableNumericId } from "../lib/stable-id.js";

/**
 * Channels whose ids are strings (Zalo) give the one bot a numeric chat id per chat, stored with the
 * channel's own id so any instance can address the chat later (officer replies, broadcasts).
 */
export interface ChannelChats {
  /** The numeric chat id of a channel's chat, recorded on first sight. */
  chatIdFor(externalId: string): Promise<number>;
  /** The channel's own id behind a numeric chat id, or undefined for a chat never seen. */
  externalIdOf(chatId: number): Promise<string | undefined>;
}

export function prismaChannelChats(prisma: PrismaClient, channel: string): ChannelChats {
  // Ids never change once stored: remembering them saves a query per message.
  const known = new Map<string, number>();
  const byChatId = new Map<number, string>();
  const note = (externalId: string, chatId: number) => {
    known.set(externalId, chatId);
    byChatId.set(chatId, externalId);
    return chatId;
  };
  return {
    async chatIdFor(externalId) {
      const cached = known.get(externalId);
      if (cached !== undefined) return cached;
      // Derived from the id, so two instances seeing a new chat at once agree; stored to go back.
      const chatId = stableNumericId(channel, externalId);
      await prisma.$executeRaw`INSERT INTO channel_chat (channel, external_id, chat_id) VALUES (${channel}, ${externalId}, ${BigInt(chatId)}) ON CONFLICT (channel, external_id) DO NOTHING`;
      return note(externalId, chatId);
    },
    async externalIdOf(chatId) {
      const cached = byChatId.get(chatId);
      if (cached !== undefined) return cached;
      const row = await prisma.channelChat.findUnique({
        where: { channel_chatId: { channel, chatId: BigInt(chatId) } },
      });
      return row ? (note(row.externalId, chatId), row.externalId) : undefined;
    },
  };
}
