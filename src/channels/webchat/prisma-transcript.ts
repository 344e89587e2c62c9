import { Prisma, type PrismaClient, type WebChatMessage } from "../../db/index.js";
import type { ChatButton, ChatMessage, Transcript } from "./transcript.js";

type MessageRow = Pick<WebChatMessage, "seq" | "messageId" | "fromBot" | "text" | "buttons" | "editedAt">;

const RETURNED = Prisma.sql`seq, message_id AS "messageId", from_bot AS "fromBot", text, buttons, edited_at AS "editedAt"`;

function toChatMessage(row: MessageRow): ChatMessage {
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
      // One statement per message (it runs for every input and every reply). Message ids come from
      // the transcript's sequence: never reused (not even after /xoa deleted the chat's messages, when
      // max+1 would start again at 1) and free of races between instances. A resend with a stored
      // client id inserts nothing and reads the stored message instead.
      const [row] = await prisma.$queryRaw<MessageRow[]>`
        WITH next AS (SELECT nextval(pg_get_serial_sequence('web_chat_message', 'seq'))::int AS id)
        INSERT INTO web_chat_message (session, seq, message_id, from_bot, text, buttons, client_id, created_at)
        SELECT ${session}, id, id, ${message.fromBot}, ${message.text}, ${JSON.stringify(message.buttons)}::jsonb, ${message.clientId ?? null}, ${new Date()}
          FROM next
        ON CONFLICT (session, client_id) DO NOTHING
        RETURNING ${RETURNED}`;
      if (row) return { ...toChatMessage(row), duplicate: false };
      const existing = await prisma.webChatMessage.findUniqueOrThrow({
        where: { session_clientId: { session, clientId: message.clientId! } },
      });
      return { ...toChatMessage(existing), duplicate: true };
    },
    async edit(chatId, messageId, change) {
      const [row] = await prisma.$queryRaw<MessageRow[]>`
        UPDATE web_chat_message
           SET seq = nextval(pg_get_serial_sequence('web_chat_message', 'seq')), edited_at = now(),
               text = COALESCE(${change.text ?? null}, text),
               buttons = COALESCE(${change.buttons === undefined ? null : JSON.stringify(change.buttons)}::jsonb, buttons)
         WHERE session = ${String(chatId)} AND message_id = ${messageId}
        RETURNING ${RETURNED}`;
      return row ? toChatMessage(row) : undefined;
    },
    async get(chatId, messageId) {
      const row = await prisma.webChatMessage.findUnique({
        where: { session_messageId: { session: String(chatId), messageId } },
      });
      return row ? toChatMessage(row) : undefined;
    },
    async byClientIdPrefix(chatId, prefix) {
      const rows = await prisma.webChatMessage.findMany({
        where: { session: String(chatId), clientId: { startsWith: prefix } },
        orderBy: { messageId: "asc" },
      });
      return rows.map(toChatMessage);
    },
    async history(chatId, afterSeq = 0) {
      const rows = await prisma.webChatMessage.findMany({
        where: { session: String(chatId), seq: { gt: afterSeq } },
        orderBy: { seq: "asc" },
      });
      return rows.map(toChatMessage);
    },
  };
}
