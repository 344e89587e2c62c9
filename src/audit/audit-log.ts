import type { Prisma, PrismaClient } from "../db/index.js";

/**
 * Who viewed, exported, edited or deleted what. Officers' actions carry their staff id; a farmer's own
 * requests (/dulieu, /xoa) carry the channel and chat instead. Details never hold message text or
 * phone numbers.
 */
export interface AuditRecord {
  action: string;
  actorId?: number;
  channel?: string;
  chatId?: string;
  target?: string;
  details?: Record<string, string | number | boolean | null>;
  at?: Date;
}

export interface AuditLog {
  record(entry: AuditRecord): Promise<void>;
}

export function prismaAuditLog(prisma: PrismaClient): AuditLog {
  return {
    async record(entry) {
      await prisma.auditEntry.create({
        data: {
          action: entry.action,
          actorId: entry.actorId,
          channel: entry.channel,
          chatId: entry.chatId,
          target: entry.target,
          details: entry.details as Prisma.InputJsonValue | undefined,
          ...(entry.at ? { at: entry.at } : {}),
        },
      });
    },
  };
}
