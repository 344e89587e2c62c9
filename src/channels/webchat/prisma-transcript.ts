import { Prisma, type PrismaClient, type WebChatMessage } from "../../db/index.js";
import type { ChatButton, ChatMessage, NewMessage, Transcript } from "./transcript.js";
import { claimFrom, claimStep, stateKeysRead } from "../../bot/prisma-stores.js";

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

/**
 * One statement per message (it runs for every input and every reply). Message ids come from the
 * transcript's sequence: never reused (not even after /xoa deleted the chat's messages, when max+1
 * would start again at 1) and free of races between instances. A resend with a stored client id
 * inserts nothing (no row returned).
 */
const insertStep = (chatId: number, message: NewMessage) => Prisma.sql`
  INSERT INTO web_chat_message (session, seq, message_id, from_bot, text, buttons, client_id, created_at)
  SELECT ${String(chatId)}, id, id, ${message.fromBot}, ${message.text}, ${JSON.stringify(message.buttons)}::jsonb, ${message.clientId ?? null}, ${new Date()}
    FROM (SELECT nextval(pg_get_serial_sequence('web_chat_message', 'seq'))::int AS id) next
  ON CONFLICT (session, client_id) DO NOTHING
  RETURNING ${RETURNED}`;

/** The web chat transcript in the database: survives restarts and page reloads. */
export function prismaTranscript(prisma: PrismaClient): Transcript {
  return {
    async append(chatId, message) {
      const [row] = await prisma.$queryRaw<MessageRow[]>`${insertStep(chatId, message)}`;
      if (row) return { ...toChatMessage(row), duplicate: false };
      const existing = await prisma.webChatMessage.findUniqueOrThrow({
        where: { session_clientId: { session: String(chatId), clientId: message.clientId! } },
      });
      return { ...toChatMessage(existing), duplicate: true };
    },
    async receive(chatId, message, claim) {
      // The stored message (just now, or the first time it was sent), the claim's attempts (null when
      // refused), and one row per state key read.
      const rows = await prisma.$queryRaw<
        Array<MessageRow & { duplicate: boolean; attempts: number | null; key: string | null; value: string | null }>
      >`
        WITH stored AS (${insertStep(chatId, message)}),
        claim AS (${claimStep(claim)}),
        message AS (
          SELECT *, false AS duplicate FROM stored
          UNION ALL
          SELECT ${RETURNED}, true FROM web_chat_message
           WHERE session = ${String(chatId)} AND client_id = ${message.clientId ?? null} AND NOT EXISTS (SELECT 1 FROM stored)
        )
        SELECT message.*, claim.attempts, s.key, s.value
          FROM message LEFT JOIN claim ON true LEFT JOIN chat_session s ON claim.attempts IS NOT NULL AND ${stateKeysRead(claim.readKeys)}`;
      const row = rows[0]!;
      return { saved: { ...toChatMessage(row), duplicate: row.duplicate }, claim: claimFrom(rows, claim.readKeys) };
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
