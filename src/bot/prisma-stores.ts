import { Prisma, type PrismaClient } from "../db/index.js";
import type { KeyValueStore, StateWrite } from "./key-value-store.js";
import {
  CLAIM_LEASE_MS,
  type ClaimRequest,
  type FinishRequest,
  type RunClaim,
  type UpdateLedger,
} from "./update-ledger.js";

/** Sessions and conversation state in the database, so a restart mid-flow resumes the flow. */
export function prismaKeyValueStore(prisma: PrismaClient): KeyValueStore {
  return {
    async read(key) {
      const row = await prisma.chatSession.findUnique({ where: { key } });
      return row ? JSON.parse(row.value) : undefined;
    },
    async write(key, value) {
      const json = JSON.stringify(value);
      await prisma.chatSession.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
    },
    async delete(key) {
      await prisma.chatSession.deleteMany({ where: { key } });
    },
  };
}

/** Applies a step of `finishUpdate` only when the update was marked done (its CTE is named `done`). */
export const WHEN_DONE = Prisma.sql`EXISTS (SELECT 1 FROM done)`;

/** One data-modifying step of `finish`, applied only when the update's claim was marked done. */
function writeStep({ key, value }: StateWrite, now: Date): Prisma.Sql {
  if (value === undefined) return Prisma.sql`DELETE FROM chat_session WHERE key = ${key} AND ${WHEN_DONE}`;
  return Prisma.sql`
    INSERT INTO chat_session (key, value, updated_at) SELECT ${key}, ${JSON.stringify(value)}, ${now} WHERE ${WHEN_DONE}
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`;
}

/**
 * The claim of an update as a data-modifying statement (RETURNING attempts: a row when claimed, none
 * when refused), for a CTE named `claim`. The primary key makes it atomic, also across several
 * instances on one PostgreSQL: the insert wins for the first caller; a conflicting row is taken over
 * only when its claim is dead.
 */
export function claimStep({ channel, updateId, exclusive }: ClaimRequest): Prisma.Sql {
  // Times are passed in (not now()): the columns hold UTC without a zone, whatever the server's.
  const now = new Date();
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  return Prisma.sql`
    INSERT INTO processed_update (channel, update_id, state, attempts, lease_until, processed_at)
    VALUES (${channel}, ${updateId}, 'processing', 1, ${leaseUntil}, ${now})
    ON CONFLICT (channel, update_id) DO UPDATE
       SET attempts = processed_update.attempts + 1, lease_until = EXCLUDED.lease_until, processed_at = ${now}
     WHERE processed_update.state = 'processing' AND (${exclusive} OR processed_update.lease_until < ${now})
    RETURNING attempts`;
}

/** The join condition that reads the claim's state keys from chat_session (aliased `s`). */
export const stateKeysRead = (readKeys: string[]) =>
  readKeys.length > 0 ? Prisma.sql`s.key IN (${Prisma.join(readKeys)})` : Prisma.sql`false`;

/** A claim's outcome from its statement's rows (attempts, and a key and value per stored key read); undefined when refused. */
export function claimFrom(
  rows: Array<{ attempts: number | null; key: string | null; value: string | null }>,
  readKeys: string[],
): RunClaim | undefined {
  const attempts = rows[0]?.attempts;
  if (attempts === undefined || attempts === null) return undefined;
  const state = new Map<string, unknown>(readKeys.map((key) => [key, undefined]));
  for (const row of rows) if (row.key !== null) state.set(row.key, JSON.parse(row.value!) as unknown);
  return { kind: "run", attempt: attempts, state };
}

/**
 * UpdateLedger.finish as one statement, so one round trip (it runs for every update) and atomic
 * without a transaction: the state writes, and the caller's own data-modifying `alongside` steps
 * (each guarded by WHEN_DONE), happen only if the claim row was there to be marked done.
 */
export async function finishUpdate(
  prisma: PrismaClient,
  { channel, updateId, writes }: FinishRequest,
  alongside: Prisma.Sql[] = [],
): Promise<void> {
  const now = new Date();
  const steps = [...writes.map((write) => writeStep(write, now)), ...alongside].map(
    (step, i) => Prisma.sql`, ${Prisma.raw(`w${i}`)} AS (${step})`,
  );
  const marked = await prisma.$queryRaw<unknown[]>`
    WITH done AS (
      UPDATE processed_update SET state = 'done', lease_until = NULL, processed_at = ${now}
       WHERE channel = ${channel} AND update_id = ${updateId}
      RETURNING 1
    )${steps.length > 0 ? Prisma.join(steps, "") : Prisma.empty}
    SELECT 1 AS marked FROM done`;
  if (marked.length !== 1) throw new Error(`update ${channel}:${updateId} was not claimed, so it cannot be finished`);
}

export function prismaUpdateLedger(prisma: PrismaClient): UpdateLedger {
  return {
    async begin(channel, updateId, { exclusive, readKeys = [] }) {
      // One row per stored key read (or one without a key), none when the claim was refused.
      const claimed = await prisma.$queryRaw<{ attempts: number; key: string | null; value: string | null }[]>`
        WITH claim AS (${claimStep({ channel, updateId, exclusive, readKeys })})
        SELECT claim.attempts, s.key, s.value FROM claim LEFT JOIN chat_session s ON ${stateKeysRead(readKeys)}`;
      const run = claimFrom(claimed, readKeys);
      if (run) return run;
      return (await this.state(channel, updateId)) === "done" ? { kind: "done" } : { kind: "busy" };
    },
    finish: (channel, updateId, writes) => finishUpdate(prisma, { channel, updateId, writes }),
    async state(channel, updateId) {
      const row = await prisma.processedUpdate.findUnique({
        where: { channel_updateId: { channel, updateId } },
        select: { state: true },
      });
      return row ? (row.state as "processing" | "done") : undefined;
    },
  };
}
