import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Translate } from "../i18n/translate.js";
import { isLeadStatus, statusLabelKey } from "../leads/lead-status.js";
import { REFERENCE_PREFIX } from "../leads/reference-code.js";
import { isStaffRole, roleLabelKey } from "../staff/roles.js";

/** Detail keys the audit log records (see each `audit.record` call); an unknown one is shown as it is. */
const DETAIL_KEYS = [
  "recipients",
  "scheduled",
  "role",
  "from",
  "to",
  "format",
  "count",
  "status",
  "purpose",
  "commune",
  "sector",
  "assignee",
  "sort",
  "search",
  "reason",
  "address",
  "leads",
  "questions",
  "faqEntries",
  "eligibilityChecks",
  "outboundMessages",
  "chatMessages",
  "subscriptions",
  "anonymisedLeads",
  "expiredQuestions",
  "expiredChecks",
  "expiredChatMessages",
  "processedUpdates",
  "emptiedPayloads",
  "abandonedFlows",
] as const;
const isDetailKey = (key: string): key is (typeof DETAIL_KEYS)[number] =>
  (DETAIL_KEYS as readonly string[]).includes(key);

/**
 * What an entry is about, as officers name it ("Tài khoản Cán bộ Hạnh (hanh)" given the accounts'
 * names by id), linked where the dashboard has a page for it.
 */
export function auditTarget(
  t: Translate,
  target: string | null,
  userName: (id: number) => string | undefined,
): HtmlEscapedString | Promise<HtmlEscapedString> | "" {
  if (!target) return "";
  const broadcast = /^broadcast:(\d+)$/.exec(target);
  if (broadcast)
    return html`<a href="/admin/broadcasts/${broadcast[1]}">${t("audit-target-broadcast", { id: broadcast[1]! })}</a>`;
  const user = /^user:(\d+)$/.exec(target);
  if (user) {
    const name = userName(Number(user[1])) ?? `#${user[1]}`;
    return html`<a href="/admin/users">${t("audit-target-user", { name })}</a>`;
  }
  if (target.startsWith(REFERENCE_PREFIX)) return html`<a href="/admin/leads/${target}">${target}</a>`;
  return html`${target}`;
}

/** An entry's details as "label: value" pairs; `via` is shown next to the action instead. */
export function auditDetails(t: Translate, details: Record<string, unknown>): string {
  const value = (v: unknown) => {
    if (typeof v === "boolean") return t(v ? "audit-yes" : "audit-no");
    if (v === null || v === undefined) return "—";
    const text = String(v);
    // Roles and lead statuses are recorded as codes; officers know them by their labels.
    if (isStaffRole(text)) return t(roleLabelKey(text));
    return isLeadStatus(text) ? t(statusLabelKey(text)) : text;
  };
  return Object.entries(details)
    .map(([key, v]) => `${isDetailKey(key) ? t(`audit-detail-${key}`) : key}: ${value(v)}`)
    .join(" · ");
}
