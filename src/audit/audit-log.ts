import type { Prisma } from "../db/index.js";

/**
 * Every audited action, named "<area>.<verb>" whichever surface (dashboard or chat) it came from;
 * `details.via` tells "chat" apart. The audit page shows each with its Vietnamese label
 * (`auditActionLabelKey`, locales/vi/audit.ftl).
 */
export const AUDIT_ACTIONS = [
  "staff.login",
  "staff.login_failed",
  "staff.logout",
  "staff.setup",
  "user.create",
  "user.role",
  "user.activate",
  "user.deactivate",
  "user.password",
  "chat_link.create",
  "chat_link.redeem",
  "chat_link.failed",
  "lead.view",
  "lead.claim",
  "lead.status",
  "lead.note",
  "lead.export",
  "lead.delete",
  "lead.message",
  "question.answer",
  "question.close",
  "faq.save",
  "faq.publish",
  "faq.unpublish",
  "faq.delete",
  "broadcast.send",
  "broadcast.cancel",
  "farmer.data_view",
  "farmer.erase",
  "retention.erase",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isAuditAction = (value: string): value is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(value);
export const auditActionLabelKey = (action: AuditAction) => `audit-action-${action.replace(/[._]/g, "-")}`;

/**
 * Who viewed, exported, edited or deleted what. Officers' actions carry their staff id; a farmer's own
 * requests (/dulieu, /xoa) carry the channel and chat instead. Details never hold message text or
 * phone numbers.
 */
export interface AuditRecord {
  action: AuditAction;
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

/** The audit log in the database; given a transaction, an entry commits with the action it records. */
export function prismaAuditLog(prisma: Prisma.TransactionClient): AuditLog {
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
