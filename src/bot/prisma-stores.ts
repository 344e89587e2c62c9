import type { PrismaClient } from "../db/index.js";
import type { KeyValueStore } from "./key-value-store.js";
import type { UpdateLedger } from "./update-ledger.js";

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

/** The primary key makes the claim atomic, also across several instances on one PostgreSQL. */
export function prismaUpdateLedger(prisma: PrismaClient): UpdateLedger {
  return {
    async claim(channel, updateId) {
      const inserted = await prisma.$executeRaw`INSERT INTO processed_update (channel, update_id) VALUES (${channel}, ${updateId}) ON CONFLICT DO NOTHING`;
      return inserted === 1;
    },
  };
}
