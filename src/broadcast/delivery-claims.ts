import { Prisma, type PrismaClient } from "../db/index.js";
import type { OutboundSender } from "../outbound/outbox.js";

/**
 * The life of a delivery row, shared by every instance through the database:
 * `pending` → claimed (still `pending`, `locked_by` set: reserved for one instance, nothing sent) →
 * `sending` (marked just before its own message leaves: the record of intent) → sent | skipped | failed.
 * A claimed row is only a reservation; only `sending` rows may have reached the farmer.
 */
export interface ClaimedDelivery {
  id: number;
  campaign_id: number;
  chat_id: string;
  attempts: number;
  text: string;
  link: string | null;
  signup_choice: boolean;
  subscribed: boolean;
  unreachable: boolean;
}

/** Two broadcasts never reach one chat less than a second apart (Telegram: about 1 message/s per chat). */
const PER_CHAT_GAP_MS = 1000;

/**
 * Rows `x` of `channel` that may be claimed now: pending and unclaimed, of a sending campaign, not
 * while an outbound job (a reply to a farmer, an officer's answer) of the channel is due —
 * conversations go first — and not for a chat that has a broadcast claimed or in flight, got one
 * less than a second ago, or still waits for an earlier campaign's (one chat, one at a time, in order).
 */
function dueRows(channel: string, now: Date): Prisma.Sql {
  const gapStart = new Date(now.getTime() - PER_CHAT_GAP_MS);
  return Prisma.sql`
    x.channel = ${channel} AND x.status = 'pending' AND x.locked_by IS NULL AND x.not_before <= ${now}
    AND EXISTS (SELECT 1 FROM broadcast_campaign xc WHERE xc.id = x.campaign_id AND xc.status = 'sending')
    AND NOT EXISTS (SELECT 1 FROM outbound_job j WHERE j.channel = ${channel} AND j.status = 'pending' AND j.not_before <= ${now})
    AND NOT EXISTS (
      SELECT 1 FROM broadcast_delivery r
       WHERE r.channel = x.channel AND r.chat_id = x.chat_id AND r.id <> x.id
         AND (r.locked_by IS NOT NULL OR r.sent_at > ${gapStart} OR (r.status = 'pending' AND r.campaign_id < x.campaign_id)))`;
}

/**
 * Claims up to `limit` due rows of `channel` for `workerId` in one statement (SKIP LOCKED: instances
 * never claim the same row), in campaign order, with what the send needs.
 */
export async function claimDeliveries(
  prisma: PrismaClient,
  channel: string,
  workerId: string,
  now: Date,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const rows = await prisma.$queryRaw<ClaimedDelivery[]>`
    UPDATE broadcast_delivery d SET locked_by = ${workerId}, locked_at = ${now}
      FROM broadcast_campaign c
     WHERE c.id = d.campaign_id AND d.id IN (
       SELECT x.id FROM broadcast_delivery x WHERE ${dueRows(channel, now)}
        ORDER BY x.campaign_id, x.id
        LIMIT ${limit}
        FOR UPDATE OF x SKIP LOCKED)
    RETURNING d.id, d.campaign_id, d.chat_id, d.attempts, c.text, c.link, c.signup_choice,
      EXISTS (SELECT 1 FROM subscription s WHERE s.channel = d.channel AND s.chat_id = d.chat_id) AS subscribed,
      EXISTS (SELECT 1 FROM unreachable_chat u WHERE u.channel = d.channel AND u.chat_id = d.chat_id) AS unreachable`;
  return rows.sort((a, b) => a.campaign_id - b.campaign_id || a.id - b.id);
}

/** A row whose message left at `at` (epoch ms), to be recorded as sent. */
export interface SentDelivery {
  id: number;
  at: number;
}

/**
 * One round trip per message sent: records the rows whose message left since the dispatcher's
 * previous statement as sent, and marks the claimed row whose request starts next `sending` (the
 * record of intent, written just before). Returns the ids marked; a row missing from it is no longer
 * this instance's to send (its campaign was cancelled, or its claim expired and was taken over).
 */
export async function recordAndMark(
  prisma: PrismaClient,
  workerId: string,
  sent: readonly SentDelivery[],
  next: readonly number[],
  now: Date,
): Promise<Set<number>> {
  // Epoch milliseconds to the column's UTC timestamp, whatever the session time zone.
  const values = sent.map((row) => Prisma.sql`(${row.id}::int, ${row.at}::float8)`);
  const recorded = values.length
    ? Prisma.sql`recorded AS (
        UPDATE broadcast_delivery d
           SET status = 'sent', sent_at = to_timestamp(v.at / 1000) AT TIME ZONE 'UTC', locked_by = NULL, locked_at = NULL
          FROM (VALUES ${Prisma.join(values)}) AS v(id, at)
         WHERE d.id = v.id AND d.status = 'sending' AND d.locked_by = ${workerId}),`
    : Prisma.empty;
  const marked = next.length
    ? Prisma.sql`UPDATE broadcast_delivery SET status = 'sending', locked_at = ${now}
         WHERE id IN (${Prisma.join([...next])}) AND status = 'pending' AND locked_by = ${workerId} RETURNING id`
    : Prisma.sql`SELECT NULL::int AS id WHERE false`;
  const rows = await prisma.$queryRaw<
    Array<{ id: number }>
  >`WITH ${recorded} marked AS (${marked}) SELECT id FROM marked`;
  return new Set(rows.map((row) => row.id));
}

/** Gives rows this instance claimed but did not send back to the queue, due at `notBefore`. */
export async function releaseDeliveries(
  prisma: PrismaClient,
  ids: readonly number[],
  workerId: string,
  notBefore: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await prisma.broadcastDelivery.updateMany({
    where: { id: { in: [...ids] }, status: "pending", lockedBy: workerId },
    data: { status: "pending", lockedBy: null, lockedAt: null, notBefore },
  });
}

/**
 * After a crash, claims older than `staleBefore` go back to the queue (nothing was sent for them),
 * and rows still `sending` may or may not have reached the farmer. A sender that delivers a repeated
 * key once (web chat) gets them again; for the others (Telegram has no idempotency key) a second copy
 * is worse than the small chance the first never left, so they count as sent, marked `unconfirmed`
 * in the report. Only the rows in flight at the crash can be unconfirmed.
 */
export async function recoverInterrupted(
  prisma: PrismaClient,
  senders: ReadonlyMap<string, OutboundSender>,
  staleBefore: Date,
): Promise<number> {
  const idempotent = [...senders].filter(([, s]) => s.idempotent).map(([name]) => name);
  const stale = { lockedBy: { not: null }, lockedAt: { lt: staleBefore } };
  const unlocked = { lockedBy: null, lockedAt: null };
  const claims = await prisma.broadcastDelivery.updateMany({ where: { ...stale, status: "pending" }, data: unlocked });
  const retried = await prisma.broadcastDelivery.updateMany({
    where: { ...stale, status: "sending", channel: { in: idempotent } },
    data: { status: "pending", ...unlocked },
  });
  const unconfirmed = await prisma.broadcastDelivery.updateMany({
    where: { ...stale, status: "sending", channel: { notIn: idempotent } },
    data: { status: "sent", reason: "unconfirmed", sentAt: staleBefore, ...unlocked },
  });
  return claims.count + retried.count + unconfirmed.count;
}
