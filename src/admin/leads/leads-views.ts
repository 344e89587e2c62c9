import type { Context } from "hono";
import { html } from "hono/html";
import type { Translate } from "../../i18n/translate.js";
import { allowedTransitions, LEAD_STATUSES, statusLabelKey } from "../../leads/lead-status.js";
import { PURPOSE_IDS, purposeLabelKey } from "../../leads/purposes.js";
import { maskPhone, parsePhone } from "../../lib/phone.js";
import { mayAct } from "../../staff/roles.js";
import type { StaffSessionInfo } from "../../staff/sessions.js";
import { displayDateTime } from "../../lib/vietnam-time.js";
import { selectField } from "../form-controls.js";
import { csrfField, pager, type Html } from "../layout.js";
import { filterQuery, LEAD_SORTS, type LeadFilter } from "./lead-filter.js";
import type { LeadRow } from "../../leads/lead-repository.js";
import { formatNumber } from "../../lib/farmer-numbers.js";
import { sectorChoiceLabel } from "./sector-choice.js";

type Choice = { value: string; label: string };
export type LeadChoices = { communes: Choice[]; sectors: Choice[] };

const leadLink = (row: LeadRow) => `/admin/leads/${encodeURIComponent(row.reference)}`;

function filterForm(t: Translate, filter: LeadFilter, choices: LeadChoices): Html {
  const statuses = LEAD_STATUSES.map((s) => ({ value: s, label: t(statusLabelKey(s)) }));
  const purposes = PURPOSE_IDS.map((p) => ({ value: p, label: t(purposeLabelKey(p)) }));
  const sorts = LEAD_SORTS.map((s) => ({ value: s, label: t(`admin-sort-${s}`) }));
  return html`<form method="get" action="/admin/leads" class="filters card">
    <label class="wide">${t("admin-leads-search")}<input type="search" name="q" value="${filter.q ?? ""}" placeholder="${t("admin-leads-search-hint")}"></label>
    ${selectField(t("leads-col-status"), "status", statuses, filter.status, t("admin-all"))}
    ${selectField(t("leads-col-purpose"), "purpose", purposes, filter.purpose, t("admin-all"))}
    ${selectField(t("leads-col-commune"), "commune", choices.communes, filter.commune, t("admin-all"))}
    ${selectField(t("leads-col-sector"), "sector", choices.sectors, filter.sector, t("admin-all"))}
    <label>${t("admin-date-from")}<input type="date" name="from" value="${filter.from ?? ""}"></label>
    <label>${t("admin-date-to")}<input type="date" name="to" value="${filter.to ?? ""}"></label>
    ${selectField(t("admin-sort"), "sort", sorts, filter.sort)}
    <div class="actions"><button type="submit">${t("admin-filter")}</button><a href="/admin/leads">${t("admin-filter-clear")}</a></div>
  </form>`;
}

export function leadsListBody(
  t: Translate,
  c: Context,
  view: { session: StaffSessionInfo; filter: LeadFilter; choices: LeadChoices; rows: LeadRow[]; total: number; page: number; pageCount: number },
): Html {
  const query = filterQuery({ ...view.filter, sort: undefined });
  const exports = mayAct(view.session.user.role, "lead.export")
    ? html`<p class="exports"><a href="/admin/leads/export.xlsx?${query}" download>${t("admin-export-xlsx")}</a>
        <a href="/admin/leads/export.csv?${query}" download>${t("admin-export-csv")}</a></p>`
    : "";
  return html`${filterForm(t, view.filter, view.choices)}
    <p class="summary">${t("admin-leads-found", { count: view.total })}</p>${exports}
    <div class="table"><table>
      <thead><tr><th>${t("leads-col-reference")}</th><th>${t("leads-col-created-at")}</th><th>${t("leads-col-full-name")}</th>
        <th>${t("leads-col-phone")}</th><th>${t("leads-col-commune")}</th><th>${t("leads-col-sector")}</th><th>${t("leads-col-purpose")}</th>
        <th>${t("leads-col-members")}</th><th>${t("leads-col-status")}</th></tr></thead>
      <tbody>${view.rows.map(
        (row) => html`<tr>
          <td><a href="${leadLink(row)}">${row.reference}</a></td><td>${displayDateTime(row.createdAt)}</td>
          <td>${row.fullName ?? t("admin-lead-erased")}</td><td>${row.phone ? maskPhone(row.phone) : ""}</td>
          <td>${row.communeName}</td><td>${sectorChoiceLabel(t, row.sector, row.sectorLabel)}</td><td>${t(purposeLabelKey(row.purpose))}</td>
          <td class="num">${row.members}</td><td><span class="status status-${row.status}">${t(statusLabelKey(row.status))}</span></td>
        </tr>`,
      )}</tbody>
    </table></div>
    ${pager(t, c, view.page, view.pageCount)}`;
}

export type LeadEventView = { at: Date; kind: string; fromStatus: LeadRow["status"] | null; toStatus: LeadRow["status"] | null; note: string | null; actorName: string | null };

function eventText(t: Translate, event: LeadEventView): string {
  if (event.kind === "status" && event.fromStatus && event.toStatus) {
    return t("admin-event-status", { from: t(statusLabelKey(event.fromStatus)), to: t(statusLabelKey(event.toStatus)) });
  }
  const known = ["note", "created", "updated_by_farmer", "assigned", "erased_by_farmer", "erased_after_retention", "duplicate_from_other_chat"];
  return known.includes(event.kind) ? t(`admin-event-${event.kind.replaceAll("_", "-")}`) : event.kind;
}

export function leadDetailBody(t: Translate, view: { session: StaffSessionInfo; lead: LeadRow; events: LeadEventView[] }): Html {
  const { lead, session } = view;
  const role = session.user.role;
  const phone = lead.phone ? parsePhone(lead.phone) : undefined;
  const action = (what: string) => `${leadLink(lead)}/${what}`;
  const field = (key: string, value: string | number) => html`<dt>${t(key)}</dt><dd>${value}</dd>`;
  return html`<section class="card">
    <dl class="fields">
      ${field("leads-col-status", t(statusLabelKey(lead.status)))}
      ${field("leads-col-created-at", displayDateTime(lead.createdAt))}
      ${field("leads-col-purpose", t(purposeLabelKey(lead.purpose)))}
      ${field("leads-col-full-name", lead.fullName ?? t("admin-lead-erased"))}
      <dt>${t("leads-col-phone")}</dt><dd>${phone?.ok ? html`<a href="tel:${phone.e164}">${phone.display}</a>` : (lead.phone ?? "")}</dd>
      ${field("leads-col-commune", `${lead.communeName}, ${lead.provinceName}`)}
      ${field("leads-col-sector", sectorChoiceLabel(t, lead.sector, lead.sectorLabel))}
      ${field("leads-col-members", lead.members)}
      ${field("leads-col-land-area", lead.landAreaHa === null ? "" : formatNumber(lead.landAreaHa))}
      ${field("leads-col-call-time", t(`leads-call-time-${lead.callTime}`))}
      ${field("leads-col-note", lead.note ?? "")}
      ${field("leads-col-consent-version", lead.consentVersion)}
    </dl></section>
    ${mayAct(role, "lead.status") ? html`<section class="card"><h2>${t("admin-lead-change-status")}</h2><div class="actions">
      ${allowedTransitions(lead.status).map(
        (to) => html`<form method="post" action="${action("status")}">${csrfField(session)}<input type="hidden" name="from" value="${lead.status}">
          <button type="submit" name="to" value="${to}">${t("admin-lead-move-to", { status: t(statusLabelKey(to)) })}</button></form>`,
      )}</div>
      <form method="post" action="${action("notes")}" class="stack">${csrfField(session)}
        <label>${t("admin-lead-note")}<textarea name="note" rows="3" maxlength="1000" required></textarea></label>
        <button type="submit">${t("admin-lead-add-note")}</button></form></section>` : ""}
    <section class="card"><h2>${t("admin-lead-history")}</h2><ol class="history">
      ${view.events.map(
        (e) => html`<li><time>${displayDateTime(e.at)}</time> ${e.actorName ? html`<b>${e.actorName}</b>: ` : ""}${eventText(t, e)}${e.note ? html`<p>${e.note}</p>` : ""}</li>`,
      )}
    </ol></section>
    ${mayAct(role, "lead.delete") ? html`<form method="post" action="${action("delete")}" class="danger">${csrfField(session)}
      <button type="submit" data-confirm="${t("admin-lead-delete-confirm")}">${t("admin-lead-delete")}</button></form>` : ""}`;
}
