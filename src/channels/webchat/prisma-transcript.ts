import { Prisma, type PrismaClient, type WebChatMessage } from "../../db/index.js";
import {
  IDS_TAKEN_AHEAD,
  type ChatButton,
  type ChatMessage,
  type HeldMessage,
  type NewMessage,
  type Transcript,
} from "./transcript.js";
import { claimFrom, claimStep, finishUpdate, stateKeysRead, WHEN_DONE } from "../../bot/prisma-stores.js";

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
const NEXT_ID = Prisma.sql`nextval(pg_get_serial_sequence('web_chat_message', 'seq'))::int`;

const insertStep = (chatId: number, message: NewMessage, id = Prisma.sql`SELECT ${NEXT_ID} AS id`) => Prisma.sql`
  INSERT INTO web_chat_message (session, seq, message_id, from_bot, text, buttons, client_id, created_at)
  SELECT ${String(chatId)}, id, id, ${message.fromBot}, ${message.text}, ${JSON.stringify(message.buttons)}::jsonb, ${message.clientId ?? null}, ${new Date()}
    FROM (${id}) next
  ON CONFLICT (session, client_id) DO NOTHING
  RETURNING ${RETURNED}`;

/** `count` new sequence values, in increasing order (a CTE named `ids`, column `id`). */
const takeIds = (count: number) => Prisma.sql`SELECT ${NEXT_ID} AS id FROM generate_series(1, ${count})`;
const TAKEN_IDS = Prisma.sql`(SELECT array_agg(id ORDER BY id) FROM ids) AS ids`;

/** Stores a held message, only `when` the condition holds (its update marked done); a new one is stored once per client id. */
function heldStep(chatId: number, { message, clientId, isNew }: HeldMessage, when: Prisma.Sql): Prisma.Sql {
  const buttons = JSON.stringify(message.buttons);
  if (!isNew)
    return Prisma.sql`
      UPDATE web_chat_message SET seq = ${message.seq}, edited_at = now(), text = ${message.text}, buttons = ${buttons}::jsonb
       WHERE session = ${String(chatId)} AND message_id = ${message.messageId} AND ${when}`;
  return Prisma.sql`
    INSERT INTO web_chat_message (session, seq, message_id, from_bot, text, buttons, client_id, created_at, edited_at)
    SELECT ${String(chatId)}, ${message.seq}, ${message.messageId}, ${message.fromBot}, ${message.text}, ${buttons}::jsonb,
           ${clientId ?? null}, ${new Date()}, ${message.edited ? Prisma.sql`now()` : null}
     WHERE ${when}
    ON CONFLICT (session, client_id) DO NOTHING`;
}

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
        Array<
          MessageRow & {
            duplicate: boolean;
            attempts: number | null;
            key: string | null;
            value: string | null;
            ids: number[];
          }
        >
      >`
        WITH ids AS (${takeIds(IDS_TAKEN_AHEAD + 1)}),
        stored AS (${insertStep(chatId, message, Prisma.sql`SELECT min(id) AS id FROM ids`)}),
        claim AS (${claimStep(claim)}),
        message AS (
          SELECT *, false AS duplicate FROM stored
          UNION ALL
          SELECT ${RETURNED}, true FROM web_chat_message
           WHERE session = ${String(chatId)} AND client_id = ${message.clientId ?? null} AND NOT EXISTS (SELECT 1 FROM stored)
        )
        SELECT message.*, claim.attempts, s.key, s.value, ${TAKEN_IDS}
          FROM message LEFT JOIN claim ON true LEFT JOIN chat_session s ON claim.attempts IS NOT NULL AND ${stateKeysRead(claim.readKeys)}`;
      const row = rows[0]!;
      return {
        saved: { ...toChatMessage(row), duplicate: row.duplicate },
        claim: claimFrom(rows, claim.readKeys),
        // The smallest went to the farmer's message (stored or not): the rest come after it.
        ids: row.ids.slice(1),
      };
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
    async pressed(chatId, messageId) {
      const [row] = await prisma.$queryRaw<Array<Partial<MessageRow> & { ids: number[] }>>`
        WITH ids AS (${takeIds(IDS_TAKEN_AHEAD)})
        SELECT ${RETURNED}, ${TAKEN_IDS}
          FROM (SELECT 1) one
          LEFT JOIN web_chat_message ON session = ${String(chatId)} AND message_id = ${messageId}`;
      return { message: row!.seq == null ? undefined : toChatMessage(row as MessageRow), ids: row!.ids };
    },
    async commit(chatId, held, finish) {
      if (finish)
        return finishUpdate(
          prisma,
          finish,
          held.map((h) => heldStep(chatId, h, WHEN_DONE)),
        );
      const steps = held.map(
        (h, i) => Prisma.sql`${Prisma.raw(`h${i}`)} AS (${heldStep(chatId, h, Prisma.sql`true`)})`,
      );
      await prisma.$queryRaw`WITH ${Prisma.join(steps, ", ")} SELECT 1`;
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
