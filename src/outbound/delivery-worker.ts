import type { PrismaClient } from "../db/index.js";
import type { Logger } from "../logger.js";
import { RetryLater, Unreachable, type OutboundMessage, type OutboundSender } from "./outbox.js";
import type { Pacer } from "../broadcast/pacing.js";
import { markUnreachable } from "../broadcast/unreachable.js";

/** A job the channel refused by its rules, with whoever caused it, for telling that officer. */
export interface UndeliverableJob {
  id: number;
  channel: string;
  chatId: string;
  reason: string;
  questionId: number | null;
  senderId: number | null;
}

export interface DeliveryWorkerOptions {
  prisma: PrismaClient;
  senders: ReadonlyMap<string, OutboundSender>;
  logger: Logger;
  /** Identifies this instance in `locked_by`, so several instances can share the queue. */
  workerId: string;
  /** The channels' shared pacing (see src/broadcast/pacing.ts); these jobs go before broadcast rows. */
  pacer?: Pacer;
  intervalMs?: number;
  batchSize?: number;
  maxAttempts?: number;
  now?: () => Date;
  /** Called once per job a channel's rules refused (after it is recorded), e.g. to tell the officer. */
  onUndeliverable?: (job: UndeliverableJob) => Promise<void>;
}

interface ClaimedJob {
  id: number;
  channel: string;
  chat_id: string;
  payload: OutboundMessage;
  attempts: number;
  question_id: number | null;
  sender_id: number | null;
}

/** A job locked longer than this belongs to an instance that died mid-send: it is claimed again. */
const STALE_LOCK_MS = 5 * 60_000;

/**
 * Claims due jobs with SKIP LOCKED (no two instances take the same job), sends each through its
 * channel's sender, and records the outcome. Failures back off exponentially; a sender's RetryLater
 * (e.g. Telegram 429) is honoured without counting as a failure.
 */
export async function claimNextDeliveries(
  prisma: PrismaClient,
  workerId: string,
  limit: number,
  now: Date,
): Promise<ClaimedJob[]> {
  const staleBefore = new Date(now.getTime() - STALE_LOCK_MS);
  return prisma.$queryRaw<ClaimedJob[]>`
    UPDATE outbound_job SET status = 'sending', locked_by = ${workerId}, locked_at = ${now}, updated_at = ${now}
     WHERE id IN (
       SELECT id FROM outbound_job
        WHERE (status = 'pending' AND not_before <= ${now}) OR (status = 'sending' AND locked_at < ${staleBefore})
        ORDER BY not_before, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, channel, chat_id, payload, attempts, question_id, sender_id`;
}

export async function deliverDueJobs(options: DeliveryWorkerOptions): Promise<number> {
  const { prisma, senders, logger } = options;
  const now = options.now?.() ?? new Date();
  const jobs = await claimNextDeliveries(prisma, options.workerId, options.batchSize ?? 20, now);
  for (const job of jobs) {
    const sender = senders.get(job.channel);
    try {
      if (!sender) throw new Error(`no sender for channel ${job.channel}`);
      const [slot] = (await options.pacer?.reserve(job.channel, options.now?.() ?? new Date())) ?? [];
      if (slot)
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(0, slot.getTime() - (options.now?.() ?? new Date()).getTime())),
        );
      const refused = await sender.send(job.chat_id, job.payload, { key: `outbound:${job.id}` });
      if (refused) {
        await recordUndeliverable(options, job, refused.notDeliverable, now);
        continue;
      }
      // updatedAt is when it was sent, on the worker's clock: maintenance empties the payload a day later.
      await prisma.outboundJob.update({
        where: { id: job.id },
        data: { status: "sent", lockedBy: null, lockedAt: null, lastError: null, updatedAt: now },
      });
    } catch (error) {
      if (error instanceof Unreachable) {
        // Blocked or gone for good: marked once, never retried.
        await markUnreachable(prisma, { channel: job.channel, chatId: job.chat_id }, "blocked", now);
        await prisma.outboundJob.update({
          where: { id: job.id },
          data: { status: "failed", lockedBy: null, lockedAt: null, lastError: "unreachable" },
        });
        continue;
      }
      const retryLater = error instanceof RetryLater;
      if (retryLater) await options.pacer?.pause(job.channel, new Date(now.getTime() + error.afterMs));
      const attempts = job.attempts + (retryLater ? 0 : 1);
      const failed = attempts >= (options.maxAttempts ?? 8);
      const delayMs = retryLater ? error.afterMs : Math.min(2 ** attempts * 1000, 60 * 60_000);
      await prisma.outboundJob.update({
        where: { id: job.id },
        data: {
          status: failed ? "failed" : "pending",
          attempts,
          lockedBy: null,
          lockedAt: null,
          lastError: (error as Error).message.slice(0, 500),
          notBefore: new Date(now.getTime() + delayMs),
        },
      });
      logger.warn({ job: job.id, channel: job.channel, attempts, failed }, "outbound delivery failed");
    }
  }
  return jobs.length;
}

async function recordUndeliverable(options: DeliveryWorkerOptions, job: ClaimedJob, reason: string, now: Date) {
  await options.prisma.outboundJob.update({
    where: { id: job.id },
    data: { status: "undeliverable", lockedBy: null, lockedAt: null, lastError: reason, updatedAt: now },
  });
  options.logger.warn({ job: job.id, channel: job.channel, reason }, "outbound message not deliverable");
  try {
    await options.onUndeliverable?.({
      id: job.id,
      channel: job.channel,
      chatId: job.chat_id,
      reason,
      questionId: job.question_id,
      senderId: job.sender_id,
    });
  } catch (error) {
    // The job is recorded as undeliverable (the dashboard shows it); only the chat notice is lost.
    options.logger.error({ job: job.id, err: { message: (error as Error).message } }, "undeliverable notice failed");
  }
}

/** Polls the queue until stopped; a full batch is followed at once by the next one. */
export function startDeliveryWorker(options: DeliveryWorkerOptions): { stop(): Promise<void> } {
  let running = true;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (running) {
      let delivered = 0;
      try {
        delivered = await deliverDueJobs(options);
      } catch (error) {
        options.logger.error({ err: { message: (error as Error).message } }, "outbound worker error");
      }
      if (delivered < (options.batchSize ?? 20) && running) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, options.intervalMs ?? 1000);
        });
      }
    }
  })();
  return {
    async stop() {
      running = false;
      clearTimeout(timer);
      wake?.();
      await loop;
    },
  };
}
