import type { PrismaClient } from "../db/index.js";
import type { Logger } from "../logger.js";
import { prismaAuditLog } from "../audit/audit-log.js";
import { RETENTION_MONTHS } from "../leads/consent.js";
import { eraseLeads } from "../leads/lead-repository.js";
import type { ChatLock } from "../bot/chat-lock.js";
import { CONVERSATION_KEY_PREFIX, FLOW_IDLE_MS } from "../bot/storage.js";

/** The lock key of maintenance: one instance runs it at a time, the others skip that round. */
export const MAINTENANCE_LOCK = "maintenance";

/** Redelivered updates arrive within minutes; a week is far more than any channel retries. */
export const PROCESSED_UPDATE_DAYS = 7;
/** A sent message's text is kept a day for troubleshooting a delivery, then only its envelope. */
export const SENT_PAYLOAD_DAYS = 1;
/** Hourly, so an abandoned flow's answers are gone within about FLOW_IDLE_MS + 1 hour. */
export const MAINTENANCE_INTERVAL_MS = 3600_000;

const DAY_MS = 86_400_000;
/** Longer than any submission takes: a notice pending this long was left by a crash. */
export const STALE_NOTICE_MS = 10 * 60_000;

export type MaintenanceCounts = {
  anonymisedLeads: number;
  /** Questions to officers, eligibility checks and web chat messages older than the retention period. */
  expiredQuestions: number;
  expiredChecks: number;
  expiredChatMessages: number;
  processedUpdates: number;
  emptiedPayloads: number;
  /** Flows idle longer than FLOW_IDLE_MS whose stored state (answers typed so far) was deleted. */
  abandonedFlows: number;
};

/** The same day of the month `months` earlier (UTC); a day the month lacks rolls into the next. */
function monthsBefore(at: Date, months: number): Date {
  const earlier = new Date(at);
  earlier.setUTCMonth(earlier.getUTCMonth() - months);
  return earlier;
}

/**
 * Keeps the promises of the consent text and stops tables from growing forever:
 * - leads whose consent is older than RETENTION_MONTHS are anonymised exactly as the farmer's /xoa
 *   anonymises them (Luật 91/2025/QH15 Điều 3 khoản 3: kept only as long as the purpose needs), and
 *   what else a chat left behind that long ago goes the same way: questions to officers lose their
 *   text, eligibility checks and web chat messages are deleted;
 * - the update ledger forgets updates older than PROCESSED_UPDATE_DAYS;
 * - messages sent more than SENT_PAYLOAD_DAYS ago lose their text, which quotes farmers' questions;
 * - flows nobody answered for FLOW_IDLE_MS lose their stored state (a registration dropped after the
 *   phone step holds the name and phone).
 */
export async function runMaintenance(prisma: PrismaClient, now: Date): Promise<MaintenanceCounts> {
  const retainedSince = monthsBefore(now, RETENTION_MONTHS);
  const anonymisedLeads = await prisma.$transaction((tx) =>
    eraseLeads(tx, { consentAt: { lt: retainedSince } }, "erased_after_retention", now),
  );
  const questions = await prisma.officerQuestion.updateMany({
    where: { createdAt: { lt: retainedSince }, NOT: { text: "", chatId: "" } },
    data: { text: "", answer: null, chatId: "", status: "closed" },
  });
  const checks = await prisma.eligibilityCheck.deleteMany({ where: { createdAt: { lt: retainedSince } } });
  const messages = await prisma.webChatMessage.deleteMany({ where: { createdAt: { lt: retainedSince } } });
  const updates = await prisma.processedUpdate.deleteMany({
    where: { processedAt: { lt: new Date(now.getTime() - PROCESSED_UPDATE_DAYS * DAY_MS) } },
  });
  const payloads = await prisma.outboundJob.updateMany({
    where: {
      status: "sent",
      updatedAt: { lt: new Date(now.getTime() - SENT_PAYLOAD_DAYS * DAY_MS) },
      NOT: { payload: { equals: {} } },
    },
    data: { payload: {} },
  });
  const flows = await prisma.chatSession.deleteMany({
    where: { key: { startsWith: CONVERSATION_KEY_PREFIX }, updatedAt: { lt: new Date(now.getTime() - FLOW_IDLE_MS) } },
  });
  const counts = {
    anonymisedLeads,
    expiredQuestions: questions.count,
    expiredChecks: checks.count,
    expiredChatMessages: messages.count,
    processedUpdates: updates.count,
    emptiedPayloads: payloads.count,
    abandonedFlows: flows.count,
  };
  // Erasing personal data is recorded like a farmer's /xoa, with counts only.
  if (anonymisedLeads + questions.count + checks.count + messages.count + flows.count > 0)
    await prismaAuditLog(prisma).record({ action: "retention.erase", details: counts, at: now });
  return counts;
}

/**
 * Runs maintenance now and then every `intervalMs` until stopped. The timer does not keep the
 * process alive; `stop` waits for a run in progress, so the database is not closed under it.
 */
export function startMaintenance(options: {
  prisma: PrismaClient;
  logger: Logger;
  now: () => Date;
  lock: ChatLock;
  /** Sends officers' lead notices pending since before the given time (`LeadService.sendStaleNotices`). */
  sendStaleNotices: (before: Date) => Promise<number>;
  intervalMs?: number;
}): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      try {
        const ran = await options.lock.tryRun(MAINTENANCE_LOCK, async () => {
          const now = options.now();
          const counts = await runMaintenance(options.prisma, now);
          const staleNotices = await options.sendStaleNotices(new Date(now.getTime() - STALE_NOTICE_MS));
          options.logger.info({ ...counts, staleNotices }, "maintenance done");
        });
        if (!ran) options.logger.info("maintenance skipped: another instance is running it");
      } catch (error) {
        options.logger.error({ err: { message: (error as Error).message } }, "maintenance failed");
      }
    });
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? MAINTENANCE_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
