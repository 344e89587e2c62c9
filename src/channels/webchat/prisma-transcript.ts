import type { PrismaClient, WebChatMessage } from "../../db/index.js";
import type { ChatButton, ChatMessage, Transcript } from "./transcript.js";

function toChatMessage(row: WebChatMessage): ChatMessage {
  return {
    seq: row.seq,
    messageId: row.messageId,
    fromBot: row.fromBot,
    text: row.text,
    buttons: (row.buttons as ChatButton[][] | null) ?? [],
    edited: row.editedAt !== null,
  };
}

/** The web chat transcript in the database: survives restarts and page reloads. */
export function prismaTranscript(prisma: PrismaClient): Transcript {
  return {
    async append(chatId, message) {
      const session = String(chatId);
      if (message.clientId !== undefined) {
        const existing = await prisma.webChatMessage.findUnique({ where: { session_clientId: { session, clientId: message.clientId } } });
        if (existing) return { ...toChatMessage(existing), duplicate: true };
      }
      // Message ids come from the transcript's sequence: never reused (not even after /xoa deleted
      // the chat's messages, when max+1 would start again at 1) and free of races between instances.
      const [{ id }] = await prisma.$queryRaw<[{ id: number }]>`SELECT nextval(pg_get_serial_sequence('web_chat_message', 'seq'))::int AS id`;
      const row = await prisma.webChatMessage.create({
        data: { session, seq: id, messageId: id, fromBot: message.fromBot, text: message.text, buttons: message.buttons, clientId: message.clientId },
      });
      return { ...toChatMessage(row), duplicate: false };
    },
    async edit(chatId, messageId, change) {
      const session = String(chatId);
      const bumped = await prisma.$executeRaw`
        UPDATE web_chat_message
           SET seq = nextval(pg_get_serial_sequence('web_chat_message', 'seq')), edited_at = now()
         WHERE session = ${session} AND message_id = ${messageId}`;
      if (bumped === 0) return undefined;
      const row = await prisma.webChatMessage.update({
        where: { session_messageId: { session, messageId } },
        data: { ...(change.text !== undefined ? { text: change.text } : {}), ...(change.buttons !== undefined ? { buttons: change.buttons } : {}) },
      });
      return toChatMessage(row);
    },
    async get(chatId, messageId) {
      const row = await prisma.webChatMessage.findUnique({ where: { session_messageId: { session: String(chatId), messageId } } });
      return row ? toChatMessage(row) : undefined;
    },
    async history(chatId, afterSeq = 0) {
      const rows = await prisma.webChatMessage.findMany({ where: { session: String(chatId), seq: { gt: afterSeq } }, orderBy: { seq: "asc" } });
      return rows.map(toChatMessage);
    },
  };
}
