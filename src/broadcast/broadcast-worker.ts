import type { PrismaClient } from "../db/index.js";
import type { Logger } from "../logger.js";
import type { Translate } from "../i18n/translate.js";
import { RetryLater, Unreachable, type OutboundSender } from "../outbound/outbox.js";
import { announcementMessage } from "./announcement.js";
import type { CampaignReport, CampaignService } from "./campaigns.js";
import type { DeliveryRule, SkipReason } from "./delivery-rules.js";
import {
  claimDeliveries,
  recordAndMark,
  recoverInterrupted,
  releaseDeliveries,
  type ClaimedDelivery,
  type SentDelivery,
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

/** Each dispatcher works in waves: one round trip records what was sent and marks what leaves next. */
const TICK_MS = 100;

/**
 * A wave marks the rows whose slot comes within this time, so its round trip (slow while the
 * database is busy) does not delay them; only these rows can be `sending` and unsent at a crash.
 */
const MARK_AHEAD_MS = 250;

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
    /** Claimed rows with their reserved slot (epoch ms), in slot order; not marked yet. */
    let booked: Array<{ row: ClaimedDelivery; slot: number }> = [];
    /** Marked rows waiting for their turn or being sent. */
    const inFlight = new Set<Promise<void>>();
    /** Sent since the last wave, recorded by the next one. */
    const sent: SentDelivery[] = [];
    /** A 429 seen here: nothing of this channel leaves before this moment. */
    let pausedUntil = 0;
    const mayGo = () => running && pausedUntil <= now().getTime();
    const release = (ids: number[]) =>
      releaseDeliveries(prisma, ids, workerId, new Date(Math.max(pausedUntil, now().getTime())));

    /**
     * Sends of this instance leave one at a time, each in its slot and at least one interval after
     * the previous one really left: a late timer (busy event loop) shifts the following sends instead
     * of letting them leave together and trip the channel's flood limit.
     */
    let turns = Promise.resolve();
    let lastSendAt = 0;
    const takeTurn = (slot: number) => {
      turns = turns.then(async () => {
        await sleep(Math.max(slot, lastSendAt + intervalMs) - now().getTime());
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
        else sent.push({ id: row.id, at: now().getTime() });
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

    /** Claims rows to fill the schedule up to LOOKAHEAD_MS ahead, settles those that need no message, books slots for the rest. */
    async function book(): Promise<boolean> {
      const at = now().getTime();
      const ahead = Math.max(0, (booked.at(-1)?.slot ?? 0) - at);
      const room = lanes - booked.length - inFlight.size;
      if (ahead > LOOKAHEAD_MS / 2 || room <= 0) return true;
      const rows = await claimDeliveries(
        prisma,
        channel,
        workerId,
        now(),
        Math.min(room, Math.ceil((LOOKAHEAD_MS - ahead) / intervalMs)),
      );
      const sendable: ClaimedDelivery[] = [];
      for (const row of rows) {
        const reason = await skipReason(channel, row);
        if (reason) await settler(row)({ status: "skipped", reason });
        else sendable.push(row);
      }
      if (sendable.length > 0) {
        const slots = await options.pacer.reserve(channel, now(), sendable.length);
        booked.push(...sendable.map((row, i) => ({ row, slot: slots[i]!.getTime() })));
      }
      return rows.length > 0;
    }

    /** Records what was sent and marks the rows whose slot is near in one statement, then sends them in their turn. */
    async function wave() {
      const horizon = now().getTime() + MARK_AHEAD_MS;
      const next = booked.filter((b) => b.slot < horizon);
      const done = sent.splice(0);
      if (next.length === 0 && done.length === 0) return;
      booked = booked.slice(next.length);
      let marked: Set<number>;
      try {
        marked = await recordAndMark(
          prisma,
          workerId,
          done,
          next.map((b) => b.row.id),
          now(),
        );
      } catch (error) {
        sent.unshift(...done);
        booked.unshift(...next);
        throw error;
      }
      for (const { row, slot } of next.filter((b) => marked.has(b.row.id))) {
        const task = takeTurn(slot)
          .then(() => (mayGo() ? send(row) : release([row.id])))
          // The row stays `sending`; housekeeping recovers it once stale.
          .catch((error) => logError("broadcast send error", error))
          .finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
    }

    while (running) {
      try {
        if (pausedUntil > now().getTime() && booked.length > 0) {
          await release(booked.map((b) => b.row.id));
          booked = [];
        }
        const found = pausedUntil > now().getTime() || (await book());
        await wave();
        await sleep(found || booked.length + inFlight.size + sent.length > 0 ? TICK_MS : idleMs);
      } catch (error) {
        logError("broadcast dispatch error", error);
        await sleep(idleMs);
      }
    }
    await release(booked.map((b) => b.row.id));
    await Promise.all(inFlight);
    await recordAndMark(prisma, workerId, sent, [], now());
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
