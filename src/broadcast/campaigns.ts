import type { Prisma, PrismaClient } from "../db/index.js";
import type { AuditLog } from "../audit/audit-log.js";
import { readSegment, segmentWhere, type Segment } from "./segment.js";

export const TEXT_MAX_LENGTH = 1500;

export type CampaignInput = { text: string; link?: string; signupChoice: boolean; segment: Segment };
export type CampaignProblem =
  | "admin-bc-error-text"
  | "admin-bc-error-link"
  | "admin-bc-error-state"
  | "admin-bc-error-time"
  | "admin-bc-error-segment";
export type AudienceCount = { channel: string; recipients: number; unreachable: number };

export interface CampaignReport {
  total: number;
  pending: number;
  sent: number;
  /** Sent by an instance that stopped before it could record the reply (see recoverInterrupted). */
  unconfirmed: number;
  skipped: Record<string, number>;
  failed: Record<string, number>;
  presses: number;
}

/** An announcement's length as checked against TEXT_MAX_LENGTH (surrounding blanks do not count). */
export const announcementLength = (text: string) => text.trim().length;

/** A link is optional; when given it must be a web address, so it opens the same everywhere. */
function checkInput(input: CampaignInput): CampaignProblem | undefined {
  const length = announcementLength(input.text);
  if (length === 0 || length > TEXT_MAX_LENGTH) return "admin-bc-error-text";
  if (input.link && !/^https?:\/\/[^\s]{3,300}$/.test(input.link)) return "admin-bc-error-link";
  return undefined;
}

export type CampaignService = ReturnType<typeof campaignService>;

/**
 * Campaigns from draft to report. Starting one writes a delivery row per recipient in ONE
 * `INSERT … SELECT` (10,000 rows, one round trip) together with the status change, so a campaign is
 * either fully addressed or not started. `deliverable` lists the channels with a sender right now.
 * Every send and cancel is audited here, whichever surface (dashboard, chat) asked for it.
 */
export function campaignService(deps: { prisma: PrismaClient; audit: AuditLog; deliverable: () => readonly string[] }) {
  const { prisma } = deps;

  /**
   * Moves a draft or scheduled campaign to sending and addresses it, in ONE statement (both or
   * neither; no interactive transaction that tens of thousands of rows could outlast). The segment
   * read first is the one addressed: the update applies only if the campaign was not edited since.
   * Returns the number of recipients, or undefined if the campaign was not in that state.
   */
  async function start(id: number, actorId: number | null, now: Date): Promise<number | undefined> {
    const campaign = await prisma.broadcastCampaign.findUnique({ where: { id } });
    if (!campaign || (campaign.status !== "draft" && campaign.status !== "scheduled")) return undefined;
    const [row] = await prisma.$queryRaw<[{ started: number; recipients: number }]>`
      WITH c AS (
        UPDATE broadcast_campaign SET status = 'sending', started_at = ${now}, updated_at = ${now}, sent_by_id = COALESCE(${actorId}::int, sent_by_id)
         WHERE id = ${id} AND status IN ('draft', 'scheduled') AND updated_at = ${campaign.updatedAt} RETURNING id),
      addressed AS (
        INSERT INTO broadcast_delivery (campaign_id, channel, chat_id, status, reason)
        SELECT c.id, s.channel, s.chat_id,
               CASE WHEN u.chat_id IS NULL THEN 'pending' ELSE 'skipped' END::delivery_status,
               CASE WHEN u.chat_id IS NULL THEN NULL ELSE 'unreachable' END
          FROM c CROSS JOIN subscription s
          LEFT JOIN unreachable_chat u ON u.channel = s.channel AND u.chat_id = s.chat_id
         WHERE ${segmentWhere(readSegment(campaign.segment), deps.deliverable())}
        RETURNING 1)
      SELECT (SELECT count(*) FROM c)::int AS started, (SELECT count(*) FROM addressed)::int AS recipients`;
    return row.started === 1 ? row.recipients : undefined;
  }

  async function sendOrSchedule(
    id: number,
    actorId: number,
    now: Date,
    at?: Date,
  ): Promise<{ ok: true; scheduled: boolean; recipients?: number } | { ok: false; problem: CampaignProblem }> {
    if (at && at.getTime() > now.getTime()) {
      const { count } = await prisma.broadcastCampaign.updateMany({
        where: { id, status: "draft" },
        data: { status: "scheduled", scheduledAt: at, sentById: actorId },
      });
      return count === 1 ? { ok: true, scheduled: true } : { ok: false, problem: "admin-bc-error-state" };
    }
    if (at) return { ok: false, problem: "admin-bc-error-time" };
    const campaign = await prisma.broadcastCampaign.findUnique({ where: { id }, select: { status: true } });
    if (campaign?.status !== "draft") return { ok: false, problem: "admin-bc-error-state" };
    const recipients = await start(id, actorId, now);
    return recipients !== undefined
      ? { ok: true, scheduled: false, recipients }
      : { ok: false, problem: "admin-bc-error-state" };
  }

  return {
    /** Channels a campaign can reach now (those with a sender). */
    channels: () => deps.deliverable(),

    async createDraft(
      input: CampaignInput,
      actorId: number,
    ): Promise<{ ok: true; id: number } | { ok: false; problem: CampaignProblem }> {
      const problem = checkInput(input);
      if (problem) return { ok: false, problem };
      const created = await prisma.broadcastCampaign.create({
        data: {
          text: input.text.trim(),
          link: input.link || null,
          signupChoice: input.signupChoice,
          segment: input.segment as unknown as Prisma.InputJsonValue,
          createdById: actorId,
        },
      });
      return { ok: true, id: created.id };
    },

    async updateDraft(id: number, input: CampaignInput): Promise<{ ok: boolean; problem?: CampaignProblem }> {
      const problem = checkInput(input);
      if (problem) return { ok: false, problem };
      const { count } = await prisma.broadcastCampaign.updateMany({
        where: { id, status: "draft" },
        data: {
          text: input.text.trim(),
          link: input.link || null,
          signupChoice: input.signupChoice,
          segment: input.segment as unknown as Prisma.InputJsonValue,
        },
      });
      return count === 1 ? { ok: true } : { ok: false, problem: "admin-bc-error-state" };
    },

    get: (id: number) => prisma.broadcastCampaign.findUnique({ where: { id } }),

    list: (take = 50) => prisma.broadcastCampaign.findMany({ orderBy: { id: "desc" }, take }),

    /** Subscribed chats in the segment per channel, and how many of them are known unreachable. */
    async audience(segment: Segment): Promise<AudienceCount[]> {
      const rows = await prisma.$queryRaw<AudienceCount[]>`
        SELECT s.channel, count(*)::int AS recipients, count(u.chat_id)::int AS unreachable
          FROM subscription s
          LEFT JOIN unreachable_chat u ON u.channel = s.channel AND u.chat_id = s.chat_id
         WHERE ${segmentWhere(segment, deps.deliverable())}
         GROUP BY s.channel ORDER BY s.channel`;
      return rows;
    },

    /** Send now (`at` missing or past) or at `at`. Only a draft can be sent. `via` "chat" marks a send from chat in the audit log. */
    async send(
      id: number,
      actorId: number,
      now: Date,
      at?: Date,
      via?: "chat",
    ): Promise<{ ok: true; scheduled: boolean } | { ok: false; problem: CampaignProblem }> {
      const result = await sendOrSchedule(id, actorId, now, at);
      if (!result.ok) return result;
      const details = {
        scheduled: result.scheduled,
        ...(result.recipients !== undefined ? { recipients: result.recipients } : {}),
        ...(via ? { via } : {}),
      };
      await deps.audit.record({ action: "broadcast.send", actorId, target: `broadcast:${id}`, details, at: now });
      return { ok: true, scheduled: result.scheduled };
    },

    /** Starts scheduled campaigns that are due; the conditional update lets one instance win each. */
    async startDue(now: Date): Promise<number> {
      const due = await prisma.broadcastCampaign.findMany({
        where: { status: "scheduled", scheduledAt: { lte: now } },
        select: { id: true },
      });
      let started = 0;
      for (const { id } of due) if ((await start(id, null, now)) !== undefined) started++;
      return started;
    },

    /**
     * Stops a scheduled or sending campaign: what is not sent yet is skipped as cancelled. One
     * statement (both updates or neither), not an interactive transaction that 10,000 rows could outlast.
     */
    async cancel(id: number, now: Date, actor?: { id: number; via?: "chat" }): Promise<boolean> {
      const [row] = await prisma.$queryRaw<[{ cancelled: number }]>`
        WITH c AS (
          UPDATE broadcast_campaign SET status = 'cancelled', finished_at = ${now}, updated_at = ${now}
           WHERE id = ${id} AND status IN ('scheduled', 'sending') RETURNING id),
        d AS (
          UPDATE broadcast_delivery SET status = 'skipped', reason = 'cancelled'
           WHERE campaign_id IN (SELECT id FROM c) AND status = 'pending' RETURNING 1)
        SELECT (SELECT count(*) FROM c)::int AS cancelled`;
      if (row.cancelled === 1 && actor)
        await deps.audit.record({
          action: "broadcast.cancel",
          actorId: actor.id,
          target: `broadcast:${id}`,
          details: actor.via ? { via: actor.via } : undefined,
          at: now,
        });
      return row.cancelled === 1;
    },

    /** Campaigns whose every row is settled are done; returns their ids. */
    async finishSettled(now: Date): Promise<number[]> {
      const rows = await prisma.$queryRaw<Array<{ id: number }>>`
        UPDATE broadcast_campaign c SET status = 'done', finished_at = ${now}, updated_at = ${now}
         WHERE c.status = 'sending'
           AND NOT EXISTS (SELECT 1 FROM broadcast_delivery d WHERE d.campaign_id = c.id AND d.status IN ('pending', 'sending'))
        RETURNING c.id`;
      return rows.map((r) => r.id);
    },

    async report(id: number): Promise<CampaignReport> {
      const rows = await prisma.$queryRaw<Array<{ status: string; reason: string | null; n: number; presses: number }>>`
        SELECT status::text AS status, reason, count(*)::int AS n, count(pressed_at)::int AS presses
          FROM broadcast_delivery WHERE campaign_id = ${id} GROUP BY status, reason`;
      const report: CampaignReport = {
        total: 0,
        pending: 0,
        sent: 0,
        unconfirmed: 0,
        skipped: {},
        failed: {},
        presses: 0,
      };
      for (const row of rows) {
        report.total += row.n;
        report.presses += row.presses;
        if (row.status === "pending" || row.status === "sending") report.pending += row.n;
        else if (row.status === "sent") {
          report.sent += row.n;
          if (row.reason === "unconfirmed") report.unconfirmed += row.n;
        } else {
          const bucket = row.status === "skipped" ? report.skipped : report.failed;
          bucket[row.reason ?? "other"] = (bucket[row.reason ?? "other"] ?? 0) + row.n;
        }
      }
      return report;
    },

    /** A farmer pressed the announcement's choice: counted once per recipient. */
    async recordPress(id: number, chat: { channel: string; chatId: string }, now: Date): Promise<void> {
      await prisma.broadcastDelivery.updateMany({
        where: { campaignId: id, channel: chat.channel, chatId: chat.chatId, pressedAt: null },
        data: { pressedAt: now },
      });
    },
  };
}
