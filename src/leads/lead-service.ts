import type { PrismaClient } from "../db/index.js";
import { officerNotifier } from "../staff/officer-notifier.js";
import { translator, type Translate } from "../i18n/translate.js";
import type { AuditLog } from "../audit/audit-log.js";
import type { ChatAddress, Outbox } from "../outbound/outbox.js";
import { redeemChatLinkCode } from "../staff/index.js";
import { consentRecord, type Consent } from "./consent.js";
import { leadRepository } from "./lead-repository.js";
import { isForwardMove, type LeadStatus } from "./lead-status.js";
import { changeLeadStatus } from "./lead-workflow.js";
import type { StaffRole } from "../staff/roles.js";
import type { LeadDraft, StoredLead } from "./lead.js";
import { leadNotice, MAX_LEAD_ROWS, poolMessage } from "./officer-messages.js";
import { poolKey, poolsReachingMinimum, type Pool } from "./pooling.js";
import { createReferenceCode, type RandomInt } from "./reference-code.js";

export interface LeadServiceDeps {
  prisma: PrismaClient;
  outbox: Outbox;
  audit: AuditLog;
  now: () => Date;
  random?: RandomInt;
  translate?: Translate;
}

/**
 * `key` names this submission (the channel and update of the consent press): submitting the same key
 * again, when the update is replayed after a crash, answers with the first outcome and saves nothing.
 */
export type Submission = {
  draft: LeadDraft;
  consent: Pick<Consent, "version" | "hash">;
  from: ChatAddress;
  key?: string;
};
/**
 * What the farmer may be told. A duplicate (the phone is another chat's lead) carries no reference:
 * whoever typed the number learns nothing about that lead, not even that it exists.
 */
export type SubmitResult =
  { outcome: "created" | "updated" | "reopened"; reference: string } | { outcome: "duplicate"; reference?: never };

/** A staff user linked to a chat; what they may do there depends on `role` (src/staff/roles.ts). */
export type Officer = { id: number; displayName: string; role: StaffRole };
export type ChatLinkOutcome = { ok: true; officer: Officer } | { ok: false; reason: "invalid" | "too_many_attempts" };

export type OfficerActionResult =
  | { kind: "done"; lead: StoredLead }
  | { kind: "not_found" }
  | { kind: "taken"; by: string }
  | { kind: "status"; status: LeadStatus };

/** Wrong /canbo codes a chat may send within the window before it has to wait. */
export const CHAT_LINK_MAX_FAILURES = 5;
export const CHAT_LINK_WINDOW_MS = 15 * 60 * 1000;
const CHAT_LINK_FAILED = "chat_link.failed";

export type LeadService = ReturnType<typeof leadService>;

/**
 * Registrations of interest and the officers who follow them up: saving (one lead per phone and
 * purpose), telling linked officers about new leads and pools, and the officers' actions from chat.
 */
export function leadService(deps: LeadServiceDeps) {
  const { prisma, outbox, audit, now } = deps;
  const t = deps.translate ?? translator();
  const leads = leadRepository(prisma);

  const officers = officerNotifier(prisma, outbox);

  /** Pools of the lead's commune that reached the HTX minimum just now; each is announced once. */
  async function announcePools(lead: StoredLead, at: Date): Promise<Pool[]> {
    const candidates = await leads.poolingLeads(lead.place.code);
    const notified = await leads.notifiedPoolKeys([...new Set(candidates.map(poolKey))]);
    const announced: Pool[] = [];
    for (const pool of poolsReachingMinimum(candidates, notified)) {
      if (!(await leads.claimPoolAlert(pool.key, pool.prospectiveMembers, at))) continue;
      try {
        await officers.notify(poolMessage(pool, t));
      } catch (error) {
        await leads.releasePoolAlert(pool.key);
        throw error;
      }
      announced.push(pool);
    }
    return announced;
  }

  /** Sends the officers' notices still pending (see NOTICE_PENDING); returns how many went out. */
  async function sendPendingNotices(where: Parameters<typeof leads.pendingNotices>[0]): Promise<number> {
    let sent = 0;
    for (const notice of await leads.pendingNotices(where)) {
      await officers.notify(leadNotice(notice.why, notice.lead, t));
      if (await leads.markNoticeSent(notice.eventId)) sent++;
    }
    return sent;
  }

  async function officerAction(
    reference: string,
    officer: Officer,
    act: (lead: StoredLead) => Promise<OfficerActionResult>,
  ): Promise<OfficerActionResult> {
    const lead = await leads.byReference(reference);
    if (!lead) return { kind: "not_found" };
    if (lead.assignedToId !== undefined && lead.assignedToId !== officer.id) {
      const holder = await prisma.staffUser.findUnique({ where: { id: lead.assignedToId } });
      return { kind: "taken", by: holder?.displayName ?? "?" };
    }
    return act(lead);
  }

  /** Another officer was faster between our read and write: report who has it now. */
  const lostRace = (reference: string, officer: Officer) =>
    officerAction(reference, officer, async () => ({ kind: "not_found" }));

  async function reload(reference: string): Promise<StoredLead> {
    const lead = await leads.byReference(reference);
    if (!lead) throw new Error(`lead ${reference} vanished`);
    return lead;
  }

  return {
    /**
     * Saves the farmer's answers with their consent; the same phone and purpose from the same chat
     * updates the earlier lead. Officers hear about every lead that needs a call: a new one, a
     * reopened one, and another chat registering a number that already has a lead.
     */
    async submit({ draft, consent, from, key }: Submission): Promise<SubmitResult & { pools: Pool[] }> {
      const at = now();
      const saved = await leads.save(
        draft,
        consentRecord(consent, at),
        from,
        () => createReferenceCode(deps.random),
        at,
        key,
      );
      // A replayed submission (after a crash) finishes what the first run may not have: the notice and pools.
      await sendPendingNotices({ leadId: saved.lead.id });
      if (saved.outcome === "duplicate") return { outcome: "duplicate", pools: [] };
      const pools = await announcePools(saved.lead, at);
      return { reference: saved.lead.reference, outcome: saved.outcome, pools };
    },

    /** The maintenance sweep: notices a crash left pending for longer than a submission takes. */
    sendStaleNotices: (before: Date) => sendPendingNotices({ before }),

    /** The active staff user whose notifications go to this chat, if any. */
    async officerForChat(chat: ChatAddress): Promise<Officer | undefined> {
      const user = await prisma.staffUser.findFirst({
        where: { chatChannel: chat.channel, chatId: chat.chatId, active: true },
      });
      return user ? { id: user.id, displayName: user.displayName, role: user.role } : undefined;
    },

    /** `/canbo <code>`: links this chat to the officer who created the code on the dashboard. */
    async linkOfficerChat(code: string, chat: ChatAddress): Promise<ChatLinkOutcome> {
      const at = now();
      const failures = await prisma.auditEntry.count({
        where: {
          action: CHAT_LINK_FAILED,
          channel: chat.channel,
          chatId: chat.chatId,
          at: { gt: new Date(at.getTime() - CHAT_LINK_WINDOW_MS) },
        },
      });
      if (failures >= CHAT_LINK_MAX_FAILURES) return { ok: false, reason: "too_many_attempts" };
      const result = await redeemChatLinkCode(prisma, code, chat.channel, chat.chatId, at);
      if (!result.ok) {
        await audit.record({ action: CHAT_LINK_FAILED, channel: chat.channel, chatId: chat.chatId, at });
        return { ok: false, reason: "invalid" };
      }
      await audit.record({
        action: "chat_link.redeem",
        actorId: result.user.id,
        channel: chat.channel,
        chatId: chat.chatId,
        at,
      });
      return { ok: true, officer: result.user };
    },

    /** The officer's open leads and the new unassigned ones, oldest first. */
    async openLeads(officer: Officer): Promise<{ leads: StoredLead[]; total: number }> {
      return leads.openLeadsFor(officer.id, MAX_LEAD_ROWS);
    },

    /** *Nhận xử lý*: the lead becomes the officer's, who then sees the farmer's contact details. */
    async claim(reference: string, officer: Officer): Promise<OfficerActionResult> {
      return officerAction(reference, officer, async (lead) => {
        const at = now();
        if (!(await leads.assign(lead.id, officer.id, at))) return lostRace(reference, officer);
        await audit.record({
          action: "lead.claim",
          actorId: officer.id,
          target: lead.reference,
          details: { via: "chat" },
          at,
        });
        return { kind: "done", lead: await reload(reference) };
      });
    },

    /** *Đã liên hệ*: status → contacted (an unassigned lead becomes the officer's on the way). */
    async markContacted(reference: string, officer: Officer): Promise<OfficerActionResult> {
      return officerAction(reference, officer, async (lead) => {
        const at = now();
        if (!isForwardMove(lead.status, "contacted")) return { kind: "status", status: lead.status };
        if (!(await leads.assign(lead.id, officer.id, at))) return lostRace(reference, officer);
        const changed = await changeLeadStatus(
          { prisma, audit },
          { lead, from: lead.status, to: "contacted", actorId: officer.id, now: at, via: "chat" },
        );
        if (!changed.ok) return { kind: "status", status: (await reload(reference)).status };
        return { kind: "done", lead: await reload(reference) };
      });
    },
  };
}
