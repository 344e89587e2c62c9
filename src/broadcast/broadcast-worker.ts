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

/** How often a dispatcher looks for rows to claim and records sends no later mark carried. */
const TICK_MS = 100;

/**
 * Requests reach the API some milliseconds after they start, not evenly: a window of starts filled
 * exactly to the channel's rate is seen over the limit now and then (a 429 stops the channel for a second).
 */
const WINDOW_MARGIN_MS = 15;

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
      if (!running) return resolve();
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
    /** Claimed rows waiting for their turn, and rows being sent. */
    const inFlight = new Set<Promise<void>>();
    /** The last slot booked (epoch ms): rows are claimed to fill the schedule up to LOOKAHEAD_MS ahead. */
    let lastSlot = 0;
    /** Sent and not recorded yet: the next statement of this dispatcher records them. */
    const sent: SentDelivery[] = [];
    /** A 429 seen here: nothing of this channel leaves before this moment. */
    let pausedUntil = 0;
    const mayGo = () => running && pausedUntil <= now().getTime();

    /**
     * Requests of this instance start one at a time, in slot order. Timers run late on a busy event
     * loop: a late request may catch up with its slot, but never faster than the channel's rate over
     * the last second (the last `windowTurns` starts), nor closer than half an interval to the previous
     * one, so late messages do not leave together and trip the flood limit.
     */
    const windowTurns = Math.ceil(1000 / intervalMs);
    const starts: number[] = [];
    const earliestStart = (slot: number) =>
      Math.max(
        slot,
        (starts.at(-1) ?? 0) + intervalMs / 2,
        starts.length === windowTurns ? starts[0]! + windowTurns * intervalMs + WINDOW_MARGIN_MS : 0,
      );
    let turns = Promise.resolve();

    /** Records the rows sent so far (and marks `mark` sending) in one statement; the rows stay to record on failure. */
    async function record(mark: number[]): Promise<Set<number>> {
      const done = sent.splice(0);
      try {
        return await recordAndMark(prisma, workerId, done, mark, now());
      } catch (error) {
        sent.unshift(...done);
        throw error;
      }
    }

    /**
     * In the row's turn: marks it `sending` (the record of intent, carrying the record of the rows sent
     * since the previous statement) and starts its request as soon as the mark is written, whatever
     * happened meanwhile (a 429 answer to another row makes this one come back as RetryLater). So only
     * a row whose own request started can be `sending` when the process dies. The next turn begins
     * once this request started: the starts, not just the turns, keep the channel's pace.
     */
    async function sendInTurn(row: ClaimedDelivery, slot: number) {
      const turn = turns.then(async (): Promise<"send" | "release" | "gone"> => {
        await sleep(earliestStart(slot) - now().getTime());
        if (!mayGo()) return "release";
        // A row missing from the answer is no longer this instance's (cancelled, or its claim expired and was taken over).
        if (!(await record([row.id])).has(row.id)) return "gone";
        starts.push(now().getTime());
        if (starts.length > windowTurns) starts.shift();
        return "send";
      });
      turns = turn.then(
        () => undefined,
        () => undefined,
      );
      const next = await turn;
      if (next === "send") await send(row);
      else if (next === "release")
        await releaseDeliveries(prisma, [row.id], workerId, new Date(Math.max(pausedUntil, now().getTime())));
    }

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

    /** Claims rows to fill the schedule up to LOOKAHEAD_MS ahead, settles those that need no message, books a slot for each other one. */
    async function book(): Promise<boolean> {
      const ahead = Math.max(0, lastSlot - now().getTime());
      const room = lanes - inFlight.size;
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
      if (sendable.length === 0) return rows.length > 0;
      const slots = await options.pacer.reserve(channel, now(), sendable.length);
      lastSlot = slots.at(-1)!.getTime();
      sendable.forEach((row, i) => {
        const task = sendInTurn(row, slots[i]!.getTime())
          // The row stays claimed or `sending`; housekeeping recovers it once stale.
          .catch((error) => logError("broadcast send error", error))
          .finally(() => inFlight.delete(task));
        inFlight.add(task);
      });
      return true;
    }

    while (running) {
      try {
        const found = pausedUntil > now().getTime() || (await book());
        // Sends are recorded by the next row's mark; the last ones of a batch by the loop.
        if (sent.length > 0 && sent[0]!.at < now().getTime() - TICK_MS) await record([]);
        await sleep(found || inFlight.size + sent.length > 0 ? TICK_MS : idleMs);
      } catch (error) {
        logError("broadcast dispatch error", error);
        await sleep(idleMs);
      }
    }
    await Promise.all(inFlight);
    await record([]);
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
