import { html } from "hono/html";
import { translationKeys, type Translate } from "../../i18n/translate.js";
import type { AudienceCount, CampaignInput, CampaignReport } from "../../broadcast/campaigns.js";
import { TOPICS, topicLabelKey } from "../../broadcast/topics.js";
import type { Segment } from "../../broadcast/segment.js";
import { displayDateTime } from "../../lib/vietnam-time.js";
import { mayAct, type StaffRole } from "../../staff/roles.js";
import type { StaffSessionInfo } from "../../staff/sessions.js";
import { csrfField, type Html } from "../layout.js";
import { channelLabel } from "../channel-label.js";
import { shorten } from "../../lib/shorten.js";

type Choice = { value: string; label: string };
export type SegmentChoices = { communes: Choice[]; sectors: Choice[]; channels: string[] };
/** Who wrote a campaign: a draft by someone who may not send waits for an officer. */
export type Author = { displayName: string; role: StaffRole };
export type CampaignRow = {
  id: number;
  text: string;
  link: string | null;
  signupChoice: boolean;
  status: string;
  createdById: number;
  scheduledAt: Date | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

const checkboxes = (name: string, options: Choice[], chosen: readonly string[]) =>
  html`<div class="choices">${options.map((o) => html`<label class="check"><input type="checkbox" name="${name}" value="${o.value}"${chosen.includes(o.value) ? html` checked` : ""}> ${o.label}</label>`)}</div>`;

/** Compose or edit a draft: text, link, the *Đăng ký* choice, and the segment. */
export function composeForm(
  t: Translate,
  session: StaffSessionInfo,
  choices: SegmentChoices,
  action: string,
  input?: CampaignInput,
): Html {
  const segment: Segment = input?.segment ?? { topics: [], communes: [], sectors: [], channels: [] };
  const topics = TOPICS.map((topic) => ({ value: topic, label: t(topicLabelKey(topic)) }));
  return html`<form method="post" action="${action}" class="card stack">${csrfField(session)}
    <label>${t("admin-bc-text")}<textarea name="text" rows="6" required>${input?.text ?? ""}</textarea></label>
    <label>${t("admin-bc-link")}<input type="url" name="link" value="${input?.link ?? ""}" placeholder="https://"></label>
    <label class="check"><input type="checkbox" name="signup"${input?.signupChoice ? html` checked` : ""}> ${t("admin-bc-signup")}</label>
    <fieldset><legend>${t("admin-bc-segment")}</legend><p class="meta">${t("admin-bc-segment-hint")}</p>
      <p>${t("admin-bc-topics")}</p>${checkboxes("topics", topics, segment.topics)}
      <p>${t("admin-bc-communes")}</p>${choices.communes.length > 0 ? checkboxes("communes", choices.communes, segment.communes) : html`<p class="meta">${t("admin-bc-none-yet")}</p>`}
      <p>${t("admin-bc-sectors")}</p>${choices.sectors.length > 0 ? checkboxes("sectors", choices.sectors, segment.sectors) : html`<p class="meta">${t("admin-bc-none-yet")}</p>`}
      <p>${t("admin-bc-channels")}</p>${checkboxes(
        "channels",
        choices.channels.map((c) => ({ value: c, label: channelLabel(t, c) })),
        segment.channels,
      )}
    </fieldset>
    <button type="submit">${t("admin-bc-save-draft")}</button>
  </form>`;
}

/** A draft whose author may not send it: an officer has to review and send it. */
export const awaitsApproval = (campaign: CampaignRow, author: Author | undefined) =>
  campaign.status === "draft" && author !== undefined && !mayAct(author.role, "broadcast.send");

/** A campaign's state in words, "chờ duyệt" for a draft an officer has to send. */
export const statusText = (t: Translate, campaign: CampaignRow, author: Author | undefined) =>
  awaitsApproval(campaign, author)
    ? `${t("admin-bc-status-draft")} · ${t("admin-bc-awaiting")}`
    : t(`admin-bc-status-${campaign.status}`);

export function campaignList(t: Translate, rows: CampaignRow[], authors: ReadonlyMap<number, Author>): Html {
  if (rows.length === 0) return html`<p>${t("admin-bc-none")}</p>`;
  return html`<div class="table"><table><thead><tr><th>#</th><th>${t("admin-bc-col-text")}</th><th>${t("admin-bc-col-author")}</th><th>${t("admin-bc-col-status")}</th><th>${t("admin-bc-col-created")}</th></tr></thead>
    <tbody>${rows.map((r) => {
      const author = authors.get(r.createdById);
      return html`<tr><td><a href="/admin/broadcasts/${r.id}">${r.id}</a></td><td><a href="/admin/broadcasts/${r.id}">${shorten(r.text, 80)}</a></td>
        <td data-label="${t("admin-bc-col-author")}">${author?.displayName ?? "—"}</td>
        <td><span class="status${awaitsApproval(r, author) ? " status-awaiting" : ""}">${statusText(t, r, author)}</span></td><td>${displayDateTime(r.createdAt)}</td></tr>`;
    })}</tbody></table></div>`;
}

/** Who a campaign is for, in words: each restriction, or everyone subscribed. */
export function segmentSummary(t: Translate, segment: Segment, choices: SegmentChoices): Html {
  const labelOf = (options: Choice[], value: string) => options.find((o) => o.value === value)?.label ?? value;
  const parts: Array<[string, string[]]> = [
    ["admin-bc-topics", segment.topics.map((topic) => t(topicLabelKey(topic)))],
    ["admin-bc-communes", segment.communes.map((code) => labelOf(choices.communes, code))],
    ["admin-bc-sectors", segment.sectors.map((sector) => labelOf(choices.sectors, sector))],
    ["admin-bc-channels", segment.channels.map((channel) => channelLabel(t, channel))],
  ];
  const limits = parts.filter(([, values]) => values.length > 0);
  return html`<section class="card"><h2>${t("admin-bc-segment")}</h2>${
    limits.length === 0
      ? html`<p>${t("admin-bc-everyone")}</p>`
      : html`<ul class="segment">${limits.map(([key, values]) => html`<li><b>${t(key)}</b>: ${values.join(", ")}</li>`)}</ul>`
  }</section>`;
}

/** Who a campaign would reach now: subscribed in the segment, minus the chats known unreachable. */
export const reachable = (audience: AudienceCount[]) =>
  audience.reduce((sum, a) => sum + a.recipients - a.unreachable, 0);

/** The audience per channel if sent now; `headingKey` names it (a draft's or a scheduled campaign's). */
export function audienceTable(t: Translate, audience: AudienceCount[], headingKey = "admin-bc-audience"): Html {
  const total = reachable(audience);
  return html`<section class="card"><h2>${t(headingKey, { count: total })}</h2>
    <ul class="audience">${audience.map((a) => html`<li><b>${channelLabel(t, a.channel)}</b>: ${t("admin-bc-audience-channel", { count: a.recipients - a.unreachable, unreachable: a.unreachable })}</li>`)}</ul></section>`;
}

/** Our own reasons, a channel's refusal (`outbound-undeliverable-<code>`), or a sender's error text as it came. */
function reasonText(t: Translate, reason: string): string {
  for (const key of [`admin-bc-reason-${reason}`, `outbound-undeliverable-${reason}`]) {
    if (/^[a-z-]+$/.test(reason) && translationKeys().includes(key)) return t(key);
  }
  return reason;
}

const reasonList = (t: Translate, counts: Record<string, number>) =>
  html`<ul>${Object.entries(counts).map(([reason, n]) => html`<li>${reasonText(t, reason)}: <b>${n}</b></li>`)}</ul>`;

/**
 * Progress while sending (a bar that the page refreshes), and the counts by outcome. A campaign that
 * addressed nobody (cancelled before its time, or nobody in the segment when it started) says so.
 */
export function reportSection(t: Translate, report: CampaignReport, status: string): Html {
  if (report.total === 0 && status !== "sending")
    return html`<section class="card report"><h2>${t("admin-bc-report")}</h2><p>${t(status === "cancelled" ? "admin-bc-cancelled-before-start" : "admin-bc-sent-to-nobody")}</p></section>`;
  const done = report.total - report.pending;
  const skipped = Object.values(report.skipped).reduce((a, b) => a + b, 0);
  const failed = Object.values(report.failed).reduce((a, b) => a + b, 0);
  const sending = status === "sending";
  return html`<section class="card report"><h2>${t(sending ? "admin-bc-progress" : "admin-bc-report")}</h2>
    <progress max="${Math.max(1, report.total)}" value="${done}" aria-label="${t("admin-bc-progress")}"></progress>
    <p>${t("admin-bc-progress-count", { done, total: report.total })}</p>
    <dl class="fields">
      <dt>${t("admin-bc-delivered")}</dt><dd><b>${report.sent}</b>${report.unconfirmed > 0 ? html` (${t("admin-bc-unconfirmed", { count: report.unconfirmed })})` : ""}</dd>
      <dt>${t("admin-bc-skipped")}</dt><dd><b>${skipped}</b>${reasonList(t, report.skipped)}</dd>
      <dt>${t("admin-bc-failed")}</dt><dd><b>${failed}</b>${reasonList(t, report.failed)}</dd>
      <dt>${t("admin-bc-presses")}</dt><dd><b>${report.presses}</b></dd>
    </dl></section>`;
}

/** The buttons a campaign offers now, by its state and the user's role. */
export function campaignActions(
  t: Translate,
  session: StaffSessionInfo,
  campaign: CampaignRow,
  linkedChat: boolean,
  /** Recipients of a draft if sent now, named in the send confirmation. */
  recipients: number,
): Html {
  const maySend = mayAct(session.user.role, "broadcast.send");
  const mayCancel = mayAct(session.user.role, "broadcast.cancel");
  const action = (what: string) => `/admin/broadcasts/${campaign.id}/${what}`;
  const preview = html`<form method="post" action="${action("preview")}">${csrfField(session)}
    <button type="submit"${linkedChat ? "" : html` disabled`}>${t("admin-bc-preview")}</button>${linkedChat ? "" : html` <a href="/admin/chat-link">${t("admin-bc-preview-link-chat")}</a>`}</form>`;
  if (campaign.status === "draft") {
    return html`<section class="card actions-card">${preview}
      ${
        maySend
          ? html`<form method="post" action="${action("send")}" class="stack">${csrfField(session)}
            ${recipients === 0 ? html`<p>${t("admin-bc-nobody")}</p>` : ""}
            <label>${t("admin-bc-schedule")}<input type="datetime-local" name="at"></label>
            <button type="submit" data-confirm="${t("admin-bc-send-confirm", { count: recipients })}">${t("admin-bc-send")}</button></form>`
          : html`<p class="meta">${t("admin-bc-staff-drafts")}</p>`
      }</section>`;
  }
  if ((campaign.status === "sending" || campaign.status === "scheduled") && mayCancel) {
    return html`<section class="card actions-card">
      ${campaign.scheduledAt && campaign.status === "scheduled" ? html`<p>${t("admin-bc-scheduled-for", { at: displayDateTime(campaign.scheduledAt) })}</p>` : ""}
      <form method="post" action="${action("cancel")}">${csrfField(session)}<button type="submit" data-confirm="${t("admin-bc-cancel-confirm")}">${t("admin-bc-cancel")}</button></form></section>`;
  }
  return html``;
}
