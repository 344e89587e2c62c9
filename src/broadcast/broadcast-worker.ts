import { Prisma, type PrismaClient } from "../db/index.js";
import type { Logger } from "../logger.js";
import type { Translate } from "../i18n/translate.js";
import { RetryLater, Unreachable, type OutboundSender } from "../outbound/outbox.js";
import { announcementMessage } from "./announcement.js";
import type { CampaignReport, CampaignService } from "./campaigns.js";
import type { DeliveryRule, SkipReason } from "./delivery-rules.js";
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
  /** Messages in flight at once per channel in this instance (the pacer still caps the rate). */
  lanes?: number;
  /** Pause when there is nothing to send, and between housekeeping rounds. */
  idleMs?: number;
  maxAttempts?: number;
  /** A row left `sending` longer than this belongs to an instance that stopped mid-send. */
  staleMs?: number;
  now?: () => Date;
  /** Each housekeeping round: the counts of every campaign sending (and of those that just finished). */
  onProgress?: (campaignId: number, report: CampaignReport) => void;
}

interface ClaimedDelivery {
  id: number;
  campaign_id: number;
  chat_id: string;
  attempts: number;
  text: string;
  link: string | null;
  signup_choice: boolean;
  subscribed: boolean;
  unreachable: boolean;
}

/** Two broadcasts never reach one chat less than a second apart (Telegram: about 1 message/s per chat). */
const PER_CHAT_GAP_MS = 1000;

/**
 * Rows `x` of `channel` that may be sent now: pending, of a sending campaign, not while an outbound
 * job (a reply to a farmer, an officer's answer) of the channel is due — conversations go first — and
 * not to a chat that got a broadcast less than a second ago.
 */
function dueRows(channel: string, now: Date): Prisma.Sql {
  const gapStart = new Date(now.getTime() - PER_CHAT_GAP_MS);
  return Prisma.sql`
    x.channel = ${channel} AND x.status = 'pending' AND x.not_before <= ${now}
    AND EXISTS (SELECT 1 FROM broadcast_campaign xc WHERE xc.id = x.campaign_id AND xc.status = 'sending')
    AND NOT EXISTS (SELECT 1 FROM outbound_job j WHERE j.channel = ${channel} AND j.status = 'pending' AND j.not_before <= ${now})
    AND NOT EXISTS (SELECT 1 FROM broadcast_delivery r WHERE r.channel = x.channel AND r.chat_id = x.chat_id AND r.sent_at > ${gapStart})`;
}

/** Claims one due row and marks it `sending` in the same statement: the record of intent written before the message leaves. */
export async function claimDelivery(
  prisma: PrismaClient,
  channel: string,
  workerId: string,
  now: Date,
): Promise<ClaimedDelivery | undefined> {
  const rows = await prisma.$queryRaw<ClaimedDelivery[]>`
    UPDATE broadcast_delivery d SET status = 'sending', locked_by = ${workerId}, locked_at = ${now}
      FROM broadcast_campaign c
     WHERE c.id = d.campaign_id AND d.id = (
       SELECT x.id FROM broadcast_delivery x WHERE ${dueRows(channel, now)}
        ORDER BY x.campaign_id, x.id
        LIMIT 1
        FOR UPDATE OF x SKIP LOCKED)
    RETURNING d.id, d.campaign_id, d.chat_id, d.attempts, c.text, c.link, c.signup_choice,
      EXISTS (SELECT 1 FROM subscription s WHERE s.channel = d.channel AND s.chat_id = d.chat_id) AS subscribed,
      EXISTS (SELECT 1 FROM unreachable_chat u WHERE u.channel = d.channel AND u.chat_id = d.chat_id) AS unreachable`;
  return rows[0];
}

/**
 * After a crash, rows still `sending` may or may not have reached the farmer. A sender that delivers
 * a repeated key once (web chat) gets them again; for the others (Telegram has no idempotency key)
 * a second copy is worse than the small chance the first never left, so they count as sent,
 * marked `unconfirmed` in the report.
 */
export async function recoverInterrupted(
  prisma: PrismaClient,
  senders: ReadonlyMap<string, OutboundSender>,
  staleBefore: Date,
): Promise<number> {
  const idempotent = [...senders].filter(([, s]) => s.idempotent).map(([name]) => name);
  const stale = { status: "sending" as const, lockedAt: { lt: staleBefore } };
  const retried = await prisma.broadcastDelivery.updateMany({
    where: { ...stale, channel: { in: idempotent } },
    data: { status: "pending", lockedBy: null, lockedAt: null },
  });
  const unconfirmed = await prisma.broadcastDelivery.updateMany({
    where: { ...stale, channel: { notIn: idempotent } },
    data: { status: "sent", reason: "unconfirmed", sentAt: staleBefore, lockedBy: null, lockedAt: null },
  });
  return retried.count + unconfirmed.count;
}

type Outcome = "sent" | "skipped" | "retry" | "failed";

/** Sends one claimed row and records what happened. */
async function deliver(
  options: BroadcastWorkerOptions,
  channel: string,
  row: ClaimedDelivery,
  now: Date,
): Promise<Outcome> {
  const { prisma } = options;
  const settle = (data: Parameters<PrismaClient["broadcastDelivery"]["update"]>[0]["data"]) =>
    prisma.broadcastDelivery.update({ where: { id: row.id }, data: { lockedBy: null, lockedAt: null, ...data } });
  const chat = { channel, chatId: row.chat_id };
  const skipReason: SkipReason | undefined = !row.subscribed
    ? "unsubscribed"
    : row.unreachable
      ? "unreachable"
      : await options.rules?.get(channel)?.check(chat, now);
  if (skipReason) {
    await settle({ status: "skipped", reason: skipReason });
    return "skipped";
  }
  const message = announcementMessage(
    { id: row.campaign_id, text: row.text, link: row.link, signupChoice: row.signup_choice },
    options.translate,
  );
  try {
    const refused = await options.senders.get(channel)!.send(row.chat_id, message, { key: `broadcast:${row.id}` });
    if (refused) {
      // The channel's own rules (a Zalo OA reply window or quota): reported as skipped with its reason.
      await settle({ status: "skipped", reason: refused.notDeliverable });
      return "skipped";
    }
    await settle({ status: "sent", sentAt: options.now?.() ?? new Date() });
    return "sent";
  } catch (error) {
    if (error instanceof RetryLater) {
      const until = new Date(now.getTime() + error.afterMs);
      await options.pacer.pause(channel, until);
      await settle({ status: "pending", notBefore: until });
      return "retry";
    }
    if (error instanceof Unreachable) {
      await markUnreachable(prisma, chat, "blocked", now);
      await settle({ status: "failed", reason: "blocked" });
      return "failed";
    }
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
      notBefore: new Date(now.getTime() + 2 ** attempts * 1000),
    });
    return failed ? "failed" : "retry";
  }
}

async function hasDueRows(prisma: PrismaClient, channel: string, now: Date): Promise<boolean> {
  const [row] = await prisma.$queryRaw<
    [{ due: boolean }]
  >`SELECT EXISTS (SELECT 1 FROM broadcast_delivery x WHERE ${dueRows(channel, now)}) AS due`;
  return row.due;
}

/**
 * Runs `lanes` senders per channel plus one housekeeping loop (scheduled campaigns, crash recovery,
 * finished campaigns). Each lane: wait for work, reserve the channel's next slot in the database,
 * then claim and send one row; rows skipped without sending do not use the slot up.
 */
export function startBroadcastWorker(options: BroadcastWorkerOptions): { stop(): Promise<void> } {
  const now = () => options.now?.() ?? new Date();
  const idleMs = options.idleMs ?? 1000;
  let running = true;
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
  const guard = async (what: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      options.logger.error({ err: { message: (error as Error).message } }, what);
      await sleep(idleMs);
    }
  };

  // While a channel is idle only its first lane polls; it wakes the others when work appears.
  const idleLanes = new Map<string, Set<() => void>>();
  const waitForWork = (channel: string) =>
    new Promise<void>((resolve) => {
      const lanes = idleLanes.get(channel) ?? new Set();
      idleLanes.set(channel, lanes);
      const wake = () => {
        lanes.delete(wake);
        sleepers.delete(wake);
        resolve();
      };
      lanes.add(wake);
      sleepers.add(wake);
    });
  const wakeLanes = (channel: string) => {
    for (const wake of [...(idleLanes.get(channel) ?? [])]) wake();
  };

  async function lane(channel: string, index: number) {
    // After a send there is probably more to send: the check for work is skipped until a claim finds none.
    let busy = false;
    while (running) {
      await guard("broadcast lane error", async () => {
        if (!busy && !(await hasDueRows(options.prisma, channel, now())))
          return index === 0 ? sleep(idleMs) : waitForWork(channel);
        if (index === 0) wakeLanes(channel);
        const slot = await options.pacer.reserve(channel, now());
        await sleep(slot.getTime() - now().getTime());
        for (;;) {
          if (!running) return;
          const row = await claimDelivery(options.prisma, channel, options.workerId, now());
          busy = row !== undefined;
          if (!row || (await deliver(options, channel, row, now())) !== "skipped") return;
        }
      });
    }
  }

  async function housekeeping() {
    while (running) {
      await guard("broadcast housekeeping error", async () => {
        await options.campaigns.startDue(now());
        await recoverInterrupted(
          options.prisma,
          options.senders,
          new Date(now().getTime() - (options.staleMs ?? 15_000)),
        );
        const finished = await options.campaigns.finishSettled(now());
        for (const campaign of finished) options.logger.info({ campaign }, "broadcast finished");
        if (options.onProgress) {
          const sending = await options.prisma.broadcastCampaign.findMany({
            where: { status: "sending" },
            select: { id: true },
          });
          for (const id of [...sending.map((c) => c.id), ...finished])
            options.onProgress(id, await options.campaigns.report(id));
        }
      });
      await sleep(idleMs);
    }
  }

  const loops = [
    housekeeping(),
    ...[...options.senders.keys()].flatMap((channel) =>
      Array.from({ length: options.lanes ?? 4 }, (_, index) => lane(channel, index)),
    ),
  ];
  return {
    async stop() {
      running = false;
      for (const wake of [...sleepers]) wake();
      await Promise.all(loops);
    },
  };
}
