import { communeWithProvince } from "../../places/place-data.js";
import type { Context } from "hono";
import { html } from "hono/html";
import type { Translate } from "../../i18n/translate.js";
import {
  allowedTransitions,
  FINAL_STATUSES,
  isStepBack,
  needsReason,
  statusLabelKey,
  type LeadStatus,
} from "../../leads/lead-status.js";
import { contactLabelKey } from "../../leads/contact.js";
import { LEAD_MESSAGE_MAX_LENGTH } from "../../leads/lead-workflow.js";
import { membersText } from "../../leads/lead-fields.js";
import { PURPOSE_IDS, purposeLabelKey } from "../../leads/purposes.js";
import { maskPhone, parsePhone } from "../../lib/phone.js";
import { mayAct } from "../../staff/roles.js";
import type { StaffSessionInfo } from "../../staff/sessions.js";
import { displayDateTime } from "../../lib/vietnam-time.js";
import { selectField } from "../form-controls.js";
import { csrfField, pager, type Html } from "../layout.js";
import { filterQuery, LEAD_SORTS, STATUS_FILTERS, type LeadFilter } from "./lead-filter.js";
import type { LeadRow } from "../../leads/lead-repository.js";
import { formatNumber } from "../../lib/farmer-numbers.js";
import { leadSectorText } from "./sector-choice.js";
import { channelLabel } from "../channel-label.js";

type Choice = { value: string; label: string };

export type LeadChoices = { communes: Choice[]; sectors: Choice[]; assignees: Choice[] };
export type LeadListRow = LeadRow & { assignedTo: { displayName: string } | null };

/** An erased lead is out of the workflow whatever status it had: it shows as erased. */
const shownStatus = (lead: LeadRow) => (lead.erasedAt ? "erased" : lead.status);
const statusChip = (t: Translate, lead: LeadRow) =>
  html`<span class="status status-${shownStatus(lead)}">${t(`leads-status-${shownStatus(lead)}`)}</span>`;

const leadLink = (row: LeadRow) => `/admin/leads/${encodeURIComponent(row.reference)}`;

function filterForm(t: Translate, filter: LeadFilter, choices: LeadChoices): Html {
  const statuses = STATUS_FILTERS.map((s) => ({ value: s, label: t(`leads-status-${s}`) }));
  const purposes = PURPOSE_IDS.map((p) => ({ value: p, label: t(purposeLabelKey(p)) }));
  const sorts = LEAD_SORTS.map((s) => ({ value: s, label: t(`admin-sort-${s}`) }));
  return html`<form method="get" action="/admin/leads" class="filters card">
    <label class="wide">${t("admin-leads-search")}<input type="search" name="q" value="${filter.q ?? ""}" placeholder="${t("admin-leads-search-hint")}"></label>
    ${selectField(t("leads-col-status"), "status", statuses, filter.status, t("admin-all"))}
    ${selectField(t("leads-col-purpose"), "purpose", purposes, filter.purpose, t("admin-all"))}
    ${selectField(t("leads-col-commune"), "commune", choices.communes, filter.commune, t("admin-all"))}
    ${selectField(t("leads-col-sector"), "sector", choices.sectors, filter.sector, t("admin-all"))}
    ${selectField(t("admin-assignee"), "assignee", choices.assignees, filter.assignee, t("admin-all"))}
    <label>${t("admin-date-from")}<input type="date" name="from" value="${filter.from ?? ""}"></label>
    <label>${t("admin-date-to")}<input type="date" name="to" value="${filter.to ?? ""}"></label>
    ${selectField(t("admin-sort"), "sort", sorts, filter.sort)}
    <div class="actions"><button type="submit">${t("admin-filter")}</button><a href="/admin/leads">${t("admin-filter-clear")}</a></div>
  </form>`;
}

/** The list's columns; on a phone each row is a card headed by its reference, values labelled. */
const LIST_COLUMNS: Array<{ key: string; numeric?: true; cell: (t: Translate, row: LeadListRow) => Html | string }> = [
  { key: "leads-col-reference", cell: (_, row) => html`<a href="${leadLink(row)}">${row.reference}</a>` },
  { key: "leads-col-created-at", cell: (_, row) => displayDateTime(row.createdAt) },
  { key: "leads-col-full-name", cell: (t, row) => row.fullName ?? t("admin-lead-erased") },
  { key: "leads-col-phone", cell: (_, row) => (row.phone ? maskPhone(row.phone) : "") },
  { key: "leads-col-commune", cell: (_, row) => row.communeName },
  { key: "leads-col-sector", cell: (t, row) => leadSectorText(t, row.sector, row.sectorLabel) },
  { key: "leads-col-purpose", cell: (t, row) => t(purposeLabelKey(row.purpose)) },
  { key: "leads-col-members", numeric: true, cell: (t, row) => membersText(row.members ?? undefined, t) },
  { key: "leads-col-status", cell: (t, row) => statusChip(t, row) },
  { key: "admin-assignee", cell: (t, row) => row.assignedTo?.displayName ?? t("admin-assignee-none") },
];

/**
 * Plain download links; with script (admin.js) the file is fetched as a stream and the status line
 * shows how far it got against the count the server sends first. The texts carry {done}, {total} and
 * {size} for the script to fill in.
 */
function exportLinks(t: Translate, query: string, total: number): Html {
  const template = (key: string) => t(key, { done: "{done}", total: "{total}", size: "{size}" });
  return html`<div class="exports"><p><a href="/admin/leads/export.xlsx?${query}" download data-export>${t("admin-export-xlsx")}</a>
      <a href="/admin/leads/export.csv?${query}" download data-export>${t("admin-export-csv")}</a></p>
    <p class="meta">${t("admin-export-count", { count: total })}</p>
    <p class="export-progress" role="status" hidden data-export-status data-starting="${template("admin-export-starting")}"
      data-rows="${template("admin-export-progress-rows")}" data-size="${template("admin-export-progress-size")}"
      data-done="${template("admin-export-done")}" data-failed="${t("admin-export-failed")}"><progress></progress> <span></span></p></div>`;
}

export function leadsListBody(
  t: Translate,
  c: Context,
  view: {
    session: StaffSessionInfo;
    filter: LeadFilter;
    choices: LeadChoices;
    rows: LeadListRow[];
    total: number;
    page: number;
    pageCount: number;
  },
): Html {
  const query = filterQuery({ ...view.filter, sort: undefined });
  const exports = mayAct(view.session.user.role, "lead.export") ? exportLinks(t, query, view.total) : "";
  return html`${filterForm(t, view.filter, view.choices)}
    <p class="summary">${t("admin-leads-found", { count: view.total })}</p>${exports}
    <div class="table"><table class="cards-on-phone">
      <thead><tr>${LIST_COLUMNS.map((col) => html`<th>${t(col.key)}</th>`)}</tr></thead>
      <tbody>${view.rows.map(
        (row) =>
          html`<tr>${LIST_COLUMNS.map((col, i) => html`<td${col.numeric ? html` class="num"` : ""}${i > 0 ? html` data-label="${t(col.key)}"` : ""}>${col.cell(t, row)}</td>`)}</tr>`,
      )}</tbody>
    </table></div>
    ${pager(t, c, view.page, view.pageCount)}`;
}

export type LeadEventView = {
  at: Date;
  kind: string;
  fromStatus: LeadRow["status"] | null;
  toStatus: LeadRow["status"] | null;
  note: string | null;
  actorName: string | null;
};

function eventText(t: Translate, event: LeadEventView): string {
  if (event.kind === "status" && event.fromStatus && event.toStatus) {
    return t("admin-event-status", {
      from: t(statusLabelKey(event.fromStatus)),
      to: t(statusLabelKey(event.toStatus)),
    });
  }
  const known = [
    "note",
    "created",
    "updated_by_farmer",
    "assigned",
    "erased_by_farmer",
    "erased_after_retention",
    "duplicate_from_other_chat",
    "message_to_farmer",
    "farmer_reply",
    "farmer_question",
  ];
  return known.includes(event.kind) ? t(`admin-event-${event.kind.replaceAll("_", "-")}`) : event.kind;
}

/**
 * One form per move. Closing and stepping back ask a reason (kept in the history); "Đã thành lập" and
 * "Đóng" end the follow-up, so the browser asks for confirmation first.
 */
function statusForm(t: Translate, session: StaffSessionInfo, lead: LeadRow, to: LeadStatus): Html {
  const label = t(isStepBack(lead.status, to) ? "admin-lead-step-back" : "admin-lead-move-to", {
    status: t(statusLabelKey(to)),
  });
  const confirm = FINAL_STATUSES.includes(to)
    ? t("admin-lead-final-confirm", { status: t(statusLabelKey(to)) })
    : undefined;
  return html`<form method="post" action="${leadLink(lead)}/status" class="status-move">${csrfField(session)}<input type="hidden" name="from" value="${lead.status}">
    ${needsReason(lead.status, to) ? html`<input name="reason" required maxlength="1000" placeholder="${t("admin-lead-reason")}" aria-label="${t("admin-lead-reason")}">` : ""}
    <button type="submit" name="to" value="${to}"${confirm ? html` data-confirm="${confirm}"` : ""}>${label}</button></form>`;
}

export function leadDetailBody(
  t: Translate,
  view: {
    session: StaffSessionInfo;
    lead: LeadRow & { assignedTo?: { displayName: string } | null };
    events: LeadEventView[];
  },
): Html {
  const { lead, session } = view;
  const role = session.user.role;
  const phone = lead.phone ? parsePhone(lead.phone) : undefined;
  const action = (what: string) => `${leadLink(lead)}/${what}`;
  const field = (key: string, value: string | number) => html`<dt>${t(key)}</dt><dd>${value}</dd>`;
  return html`<section class="card">
    <dl class="fields">
      <dt>${t("leads-col-status")}</dt><dd>${statusChip(t, lead)}</dd>
      ${field("admin-assignee", lead.assignedTo?.displayName ?? t("admin-assignee-none"))}
      ${field("leads-col-created-at", displayDateTime(lead.createdAt))}
      ${field("leads-col-purpose", t(purposeLabelKey(lead.purpose)))}
      ${field("leads-col-full-name", lead.fullName ?? t("admin-lead-erased"))}
      <dt>${t("leads-col-phone")}</dt><dd>${phone?.ok ? html`<a href="tel:${phone.e164}">${phone.display}</a>` : (lead.phone ?? "")}</dd>
      ${field("leads-col-contact", t(contactLabelKey(lead.contact)))}
      ${field("leads-col-commune", communeWithProvince(lead.communeName, lead.provinceName))}
      ${field("leads-col-sector", leadSectorText(t, lead.sector, lead.sectorLabel))}
      ${field("leads-col-members", membersText(lead.members ?? undefined, t))}
      ${field("leads-col-land-area", lead.landAreaHa === null ? "" : formatNumber(lead.landAreaHa))}
      ${field("leads-col-call-time", t(`leads-call-time-${lead.callTime}`))}
      ${field("leads-col-note", lead.note ?? "")}
      ${field("leads-col-consent-version", lead.consentVersion)}
    </dl></section>
    ${lead.erasedAt ? html`<p class="card">${t("admin-lead-erased-no-workflow")}</p>` : ""}
    ${
      mayAct(role, "lead.status") && !lead.erasedAt
        ? html`<section class="card"><h2>${t("admin-lead-change-status")}</h2><div class="actions">
      ${allowedTransitions(lead.status).map((to) => statusForm(t, session, lead, to))}</div>
      <form method="post" action="${action("notes")}" class="stack">${csrfField(session)}
        <label>${t("admin-lead-note")}<textarea name="note" rows="3" maxlength="1000" required></textarea></label>
        <button type="submit">${t("admin-lead-add-note")}</button></form></section>`
        : ""
    }
    ${
      mayAct(role, "lead.message") && lead.chatId
        ? html`<section class="card"><h2>${t("admin-lead-message")}</h2>
      <form method="post" action="${action("message")}" class="stack">${csrfField(session)}
        <label>${t("admin-lead-message-hint", { channel: channelLabel(t, lead.channel) })}<textarea name="message" rows="3" maxlength="${LEAD_MESSAGE_MAX_LENGTH}" required></textarea></label>
        <button type="submit">${t("admin-lead-message-send")}</button></form></section>`
        : ""
    }
    <section class="card"><h2>${t("admin-lead-history")}</h2><ol class="history">
      ${view.events.map(
        (e) =>
          html`<li><time>${displayDateTime(e.at)}</time> ${e.actorName ? html`<b>${e.actorName}</b>: ` : ""}${eventText(t, e)}${e.note ? html`<p>${e.note}</p>` : ""}</li>`,
      )}
    </ol></section>
    ${
      mayAct(role, "lead.delete")
        ? html`<form method="post" action="${action("delete")}" class="danger">${csrfField(session)}
      <button type="submit" data-confirm="${t("admin-lead-delete-confirm")}">${t("admin-lead-delete")}</button></form>`
        : ""
    }`;
}
