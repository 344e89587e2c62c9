import type { PrismaClient } from "../db/index.js";
import type { KeyValueStore, StateWrite } from "./key-value-store.js";
import { CLAIM_LEASE_MS, type UpdateLedger } from "./update-ledger.js";

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

const writeQuery = (prisma: PrismaClient, { key, value }: StateWrite) => {
  if (value === undefined) return prisma.chatSession.deleteMany({ where: { key } });
  const json = JSON.stringify(value);
  return prisma.chatSession.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
};

/**
 * The primary key makes a claim atomic, also across several instances on one PostgreSQL: the insert
 * wins for the first caller; a conflicting row is taken over only when its claim is dead.
 */
export function prismaUpdateLedger(prisma: PrismaClient): UpdateLedger {
  return {
    async begin(channel, updateId, { exclusive }) {
      // Times are passed in (not now()): the columns hold UTC without a zone, whatever the server's.
      const now = new Date();
      const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
      const claimed = await prisma.$queryRaw<{ attempts: number }[]>`
        INSERT INTO processed_update (channel, update_id, state, attempts, lease_until, processed_at)
        VALUES (${channel}, ${updateId}, 'processing', 1, ${leaseUntil}, ${now})
        ON CONFLICT (channel, update_id) DO UPDATE
           SET attempts = processed_update.attempts + 1, lease_until = EXCLUDED.lease_until, processed_at = ${now}
         WHERE processed_update.state = 'processing' AND (${exclusive} OR processed_update.lease_until < ${now})
        RETURNING attempts`;
      if (claimed.length === 1) return { kind: "run", attempt: claimed[0]!.attempts };
      return (await this.state(channel, updateId)) === "done" ? { kind: "done" } : { kind: "busy" };
    },
    async finish(channel, updateId, writes) {
      await prisma.$transaction([
        ...writes.map((write) => writeQuery(prisma, write)),
        prisma.processedUpdate.update({
          where: { channel_updateId: { channel, updateId } },
          data: { state: "done", leaseUntil: null, processedAt: new Date() },
        }),
      ]);
    },
    async state(channel, updateId) {
      const row = await prisma.processedUpdate.findUnique({
        where: { channel_updateId: { channel, updateId } },
        select: { state: true },
      });
      return row ? (row.state as "processing" | "done") : undefined;
    },
  };
}
