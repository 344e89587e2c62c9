import type { PrismaClient } from "../db/index.js";
import type { Logger } from "../logger.js";
import type { Translate } from "../i18n/translate.js";
import { RetryLater, Unreachable, type OutboundSender } from "../outbound/outbox.js";
import { announcementMessage } from "./announcement.js";
import type { CampaignReport, CampaignService } from "./campaigns.js";
import type { DeliveryRule, SkipReason } from "./delivery-rules.js";
import {
  claimDeliveries,
  markSending,
  recoverInterrupted,
  releaseDelivery,
  type ClaimedDelivery,
} from "./delivery-claims.js";
import type { Pacer } from "./pacing.js";
import { markUnreachable } from "./unreachable.js";

export interface BroadcastWorkerOptions {
  prisma: PrismaClient;
  campaigns: CampaignService;
  senders: ReadonlyMap<string, OutboundSender>;
  pacer: Pacer;
  /** Channel-specific limits (quotas, reply windows), by channel name. */
  rules?: ReadonlyMap<string, DeliveryRule>;
  translate: Translate;
  logger: Logger;
  workerId: string;
  /** At most this many rows claimed or in flight at once per channel in this instance (the pacer caps the rate). */
  lanes?: number;
  /** Pause when there is nothing to send, and between housekeeping rounds. */
  idleMs?: number;
  maxAttempts?: number;
  /** A row claimed or `sending` longer than this belongs to an instance that stopped mid-send. */
  staleMs?: number;
  now?: () => Date;
  /** Each housekeeping round: the counts of every campaign sending (and of those that just finished). */
  onProgress?: (campaignId: number, report: CampaignReport) => void;
}

/**
 * A row is marked `sending` this long before its slot, so the database round trip does not delay
 * the message (a late message bunches up with the next ones and trips the channel's flood limit).
 */
const MARK_LEAD_MS = 50;

/**
 * How far ahead a dispatcher books slots: enough rows claimed that the next message is always ready
 * (claiming is one round trip per batch, not per message), few enough that a cancel or a 429 finds
 * most rows still in the queue.
 */
const LOOKAHEAD_MS = 500;

type Settle = Parameters<PrismaClient["broadcastDelivery"]["update"]>[0]["data"];

/**
 * Runs one dispatcher per channel plus one housekeeping loop (scheduled campaigns, crash recovery,
 * finished campaigns). A dispatcher claims a few rows at once, settles those that need no message
 * (unsubscribed, unreachable, over a channel's quota), reserves one pacing slot per remaining row in
 * one statement, and sends each in its slot, concurrently; it claims again when half of what it booked is used.
 */
export function startBroadcastWorker(options: BroadcastWorkerOptions): { stop(): Promise<void> } {
  const { prisma, workerId } = options;
  const now = () => options.now?.() ?? new Date();
  const idleMs = options.idleMs ?? 1000;
  const lanes = options.lanes ?? 32;
  let running = true;
  // Every wait is a timer that stop() can cut short: no loop waits on something that may never come.
  const sleepers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, Math.max(0, ms));
      sleepers.add(wake);
    });
  const logError = (what: string, error: unknown) =>
    options.logger.error({ err: { message: (error as Error).message } }, what);

  function settler(row: ClaimedDelivery) {
    return (data: Settle) =>
      prisma.broadcastDelivery.update({ where: { id: row.id }, data: { lockedBy: null, lockedAt: null, ...data } });
  }

  async function skipReason(channel: string, row: ClaimedDelivery): Promise<SkipReason | undefined> {
    if (!row.subscribed) return "unsubscribed";
    if (row.unreachable) return "unreachable";
    return options.rules?.get(channel)?.check({ channel, chatId: row.chat_id }, now());
  }

  async function dispatcher(channel: string) {
    const sender = options.senders.get(channel)!;
    const intervalMs = options.pacer.intervalMs(channel);
    const inFlight = new Set<Promise<void>>();
    /** A 429 seen here: rows whose slot comes before this go back to the queue unsent. */
    let pausedUntil = 0;
    /**
     * Sends of this instance leave one at a time, each in its slot and at least one interval after
     * the previous one really left: a late timer (busy event loop) shifts the following sends instead
     * of letting them leave together and trip the channel's flood limit.
     */
    let turns = Promise.resolve();
    let lastSendAt = 0;
    const takeTurn = (slot: Date) => {
      turns = turns.then(async () => {
        await sleep(Math.max(slot.getTime(), lastSendAt + intervalMs) - now().getTime());
        lastSendAt = now().getTime();
      });
      return turns;
    };

    async function send(row: ClaimedDelivery) {
      const settle = settler(row);
      const message = announcementMessage(
        { id: row.campaign_id, text: row.text, link: row.link, signupChoice: row.signup_choice },
        options.translate,
      );
      try {
        const refused = await sender.send(row.chat_id, message, { key: `broadcast:${row.id}` });
        // The channel's own rules (a Zalo OA reply window or quota): reported as skipped with its reason.
        if (refused) await settle({ status: "skipped", reason: refused.notDeliverable });
        else await settle({ status: "sent", sentAt: now() });
      } catch (error) {
        const at = now();
        if (error instanceof RetryLater) {
          pausedUntil = Math.max(pausedUntil, at.getTime() + error.afterMs);
          await options.pacer.pause(channel, new Date(pausedUntil));
          await settle({ status: "pending", notBefore: new Date(pausedUntil) });
        } else if (error instanceof Unreachable) {
          await markUnreachable(prisma, { channel, chatId: row.chat_id }, "blocked", at);
          await settle({ status: "failed", reason: "blocked" });
        } else {
          const attempts = row.attempts + 1;
          const failed = attempts >= (options.maxAttempts ?? 3);
          options.logger.warn(
            { delivery: row.id, channel, attempts, failed, err: { message: (error as Error).message } },
            "broadcast delivery failed",
          );
          await settle({
            status: failed ? "failed" : "pending",
            attempts,
            reason: failed ? (error as Error).message.slice(0, 120) : null,
            notBefore: new Date(at.getTime() + 2 ** attempts * 1000),
          });
        }
      }
    }

    /** Waits for the row's slot, marks it `sending` just before, and sends it unless stopped or paused meanwhile. */
    async function sendInSlot(row: ClaimedDelivery, slot: Date) {
      const mayGo = () => running && pausedUntil <= now().getTime();
      await sleep(slot.getTime() - MARK_LEAD_MS - now().getTime());
      if (!mayGo()) return releaseDelivery(prisma, row.id, workerId, new Date(Math.max(pausedUntil, now().getTime())));
      if (!(await markSending(prisma, row.id, workerId, now()))) return;
      await takeTurn(slot);
      if (!mayGo()) return releaseDelivery(prisma, row.id, workerId, new Date(Math.max(pausedUntil, now().getTime())));
      await send(row);
    }

    /** The last slot reserved so far: rows are claimed to fill the schedule up to LOOKAHEAD_MS ahead. */
    let horizon = 0;

    /** One round: claim, settle what needs no message, schedule the rest. False when nothing was due. */
    async function round(limit: number): Promise<boolean> {
      const rows = await claimDeliveries(prisma, channel, workerId, now(), limit);
      const sendable: ClaimedDelivery[] = [];
      for (const row of rows) {
        const reason = await skipReason(channel, row);
        if (reason) await settler(row)({ status: "skipped", reason });
        else sendable.push(row);
      }
      if (sendable.length > 0) {
        const slots = await options.pacer.reserve(channel, now(), sendable.length);
        horizon = slots.at(-1)!.getTime();
        sendable.forEach((row, i) => {
          const task = sendInSlot(row, slots[i]!)
            // The row stays claimed or `sending`; housekeeping recovers it once stale.
            .catch((error) => logError("broadcast send error", error))
            .finally(() => inFlight.delete(task));
          inFlight.add(task);
        });
      }
      return rows.length > 0;
    }

    while (running) {
      try {
        const at = now().getTime();
        const ahead = Math.max(0, horizon - at);
        if (pausedUntil > at) await sleep(pausedUntil - at);
        else if (inFlight.size >= lanes) await Promise.race(inFlight);
        else if (ahead > LOOKAHEAD_MS / 2) await sleep(ahead - LOOKAHEAD_MS / 2);
        else {
          const limit = Math.min(lanes - inFlight.size, Math.ceil((LOOKAHEAD_MS - ahead) / intervalMs));
          if (!(await round(limit))) await Promise.race([...inFlight, sleep(idleMs)]);
        }
      } catch (error) {
        logError("broadcast dispatch error", error);
        await sleep(idleMs);
      }
    }
    await Promise.all(inFlight);
  }

  async function housekeeping() {
    while (running) {
      try {
        await options.campaigns.startDue(now());
        await recoverInterrupted(prisma, options.senders, new Date(now().getTime() - (options.staleMs ?? 15_000)));
        const finished = await options.campaigns.finishSettled(now());
        for (const campaign of finished) options.logger.info({ campaign }, "broadcast finished");
        if (options.onProgress) {
          const sending = await prisma.broadcastCampaign.findMany({
            where: { status: "sending" },
            select: { id: true },
          });
          for (const id of [...sending.map((c) => c.id), ...finished])
            options.onProgress(id, await options.campaigns.report(id));
        }
      } catch (error) {
        logError("broadcast housekeeping error", error);
      }
      await sleep(idleMs);
    }
  }

  const loops = [housekeeping(), ...[...options.senders.keys()].map((channel) => dispatcher(channel))];
  return {
    async stop() {
      running = false;
      for (const wake of [...sleepers]) wake();
      await Promise.all(loops);
    },
  };
}
