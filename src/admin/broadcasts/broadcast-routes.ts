import { Hono } from "hono";
import { html } from "hono/html";
import { announcementMessage } from "../../broadcast/announcement.js";
import { readSegment } from "../../broadcast/segment.js";
import type { AdminContext, AdminDeps, AdminEnv } from "../deps.js";
import { SECTOR_IDS, sectorLabelKey } from "../../leads/sectors.js";
import { flashFrom, notFoundPage, page } from "../layout.js";
import { requirePermission } from "../session-guard.js";
import { readCampaignForm, readScheduleTime } from "./campaign-form.js";
import {
  audienceTable,
  awaitsApproval,
  reachable,
  campaignActions,
  campaignList,
  composeForm,
  reportSection,
  segmentSummary,
  statusText,
  type Author,
  type SegmentChoices,
} from "./campaign-views.js";
import { officerNotifier } from "../../staff/officer-notifier.js";
import { mayAct } from "../../staff/roles.js";
import { shorten } from "../../lib/shorten.js";

/** While a campaign is sending, its page reloads itself this often (no script needed). */
const REFRESH_SECONDS = 5;

/**
 * Announcements: staff compose drafts and see the audience; officers and admins preview, send or
 * schedule, and cancel. Every send and cancel is audited.
 */
export function broadcastRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const { prisma, translate: t, broadcasts } = deps;
  const app = new Hono<AdminEnv>();

  async function choices(): Promise<SegmentChoices> {
    // One line per commune: a commune chosen from a registration and one typed may carry different names.
    const communes = await prisma.subscription.groupBy({
      by: ["communeCode"],
      where: { communeCode: { not: null } },
      _min: { communeName: true },
    });
    return {
      communes: communes
        .map((c) => ({ value: c.communeCode!, label: c._min.communeName ?? c.communeCode! }))
        .sort((a, b) => a.label.localeCompare(b.label, "vi")),
      // Every known sector: a farm's second sector counts too (lead.sectors).
      sectors: SECTOR_IDS.map((id) => ({ value: id, label: t(sectorLabelKey(id)) })),
      channels: [...broadcasts.channels()],
    };
  }

  async function authorsOf(ids: number[]): Promise<Map<number, Author>> {
    const users = await prisma.staffUser.findMany({
      where: { id: { in: [...new Set(ids)] } },
      select: { id: true, displayName: true, role: true },
    });
    return new Map(users.map((u) => [u.id, u]));
  }

  const campaignId = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : 0);
  const back = (id: number, flash: string) => `/admin/broadcasts/${id}?${flash}`;
  const notFound = (c: AdminContext) => c.html(notFoundPage(t, c.get("session")), 404);

  app.get("/", async (c) => {
    const session = c.get("session");
    const campaigns = await broadcasts.list();
    const authors = await authorsOf(campaigns.map((campaign) => campaign.createdById));
    const awaiting = campaigns.filter((campaign) => awaitsApproval(campaign, authors.get(campaign.createdById)));
    const notice =
      awaiting.length > 0 && mayAct(session.user.role, "broadcast.send")
        ? html`<p class="flash info">${t("admin-bc-awaiting-count", { count: awaiting.length })}</p>`
        : "";
    const body = html`${notice}<p><a href="/admin/broadcasts/new" class="button">${t("admin-bc-new")}</a></p>${campaignList(t, campaigns, authors)}`;
    return c.html(page(t, { title: t("admin-bc-title"), session, flash: flashFrom(c, t), body }));
  });

  app.get("/new", async (c) => {
    const session = c.get("session");
    return c.html(
      page(t, {
        title: t("admin-bc-new"),
        session,
        flash: flashFrom(c, t),
        body: composeForm(t, session, await choices(), "/admin/broadcasts"),
      }),
    );
  });

  app.post("/", requirePermission(deps, "broadcast.draft"), async (c) => {
    const session = c.get("session");
    const { input, problem } = readCampaignForm(await c.req.parseBody({ all: true }));
    const created = problem ? { ok: false as const, problem } : await broadcasts.createDraft(input, session.user.id);
    if (!created.ok) {
      const body = composeForm(t, session, await choices(), "/admin/broadcasts", input);
      return c.html(
        page(t, { title: t("admin-bc-new"), session, flash: { kind: "error", text: t(created.problem) }, body }),
        400,
      );
    }
    if (mayAct(session.user.role, "broadcast.send"))
      return c.redirect(back(created.id, "ok=admin-bc-draft-saved"), 303);
    // Nobody else would know a staff member's draft is waiting: the officers who may send it are told in their chat.
    await officerNotifier(prisma, deps.outbox).notify(
      {
        text: t("admin-bc-awaiting-notice", {
          id: created.id,
          name: session.user.displayName,
          text: shorten(input.text.trim(), 120),
        }),
      },
      "broadcast.send",
    );
    return c.redirect(back(created.id, "ok=admin-bc-draft-awaiting"), 303);
  });

  app.get("/:id", async (c) => {
    const session = c.get("session");
    const campaign = await broadcasts.get(campaignId(c.req.param("id")));
    if (!campaign) return notFound(c);
    const segment = readSegment(campaign.segment);
    const me = await prisma.staffUser.findUniqueOrThrow({ where: { id: session.user.id }, select: { chatId: true } });
    const input = {
      text: campaign.text,
      link: campaign.link ?? undefined,
      signupChoice: campaign.signupChoice,
      segment,
    };
    const preview = announcementMessage(campaign, t).text;
    const author = (await authorsOf([campaign.createdById])).get(campaign.createdById);
    // A draft shows who it would reach now; a scheduled campaign who it would reach at this moment.
    const planned = campaign.status === "draft" || campaign.status === "scheduled";
    const audience = planned ? await broadcasts.audience(segment) : [];
    const segmentChoices = await choices();
    const body = html`<p class="meta">${statusText(t, campaign, author)}${author ? html` · ${t("admin-bc-author", { name: author.displayName })}` : ""}</p>
      <section class="card"><h2>${t("admin-bc-message")}</h2><pre class="announcement">${preview}</pre>
        ${campaign.signupChoice ? html`<p><span class="button-like">${t("bc-signup")}</span></p>` : ""}</section>
      ${segmentSummary(t, segment, segmentChoices)}
      ${
        planned
          ? audienceTable(t, audience, campaign.status === "draft" ? "admin-bc-audience" : "admin-bc-planned")
          : reportSection(t, await broadcasts.report(campaign.id), campaign.status)
      }
      ${campaignActions(t, session, campaign, me.chatId !== null, reachable(audience))}
      ${campaign.status === "draft" ? html`<h2>${t("admin-bc-edit")}</h2>${composeForm(t, session, segmentChoices, `/admin/broadcasts/${campaign.id}`, input)}` : ""}`;
    const title = t("admin-bc-campaign", { id: campaign.id });
    return c.html(
      page(t, {
        title,
        session,
        flash: flashFrom(c, t),
        body,
        ...(campaign.status === "sending" ? { refreshSeconds: REFRESH_SECONDS } : {}),
      }),
    );
  });

  app.post("/:id", requirePermission(deps, "broadcast.draft"), async (c) => {
    const id = campaignId(c.req.param("id"));
    const { input, problem } = readCampaignForm(await c.req.parseBody({ all: true }));
    const result = problem ? { ok: false, problem } : await broadcasts.updateDraft(id, input);
    return c.redirect(back(id, result.ok ? "ok=admin-bc-draft-saved" : `error=${result.problem}`), 303);
  });

  /** The announcement exactly as farmers get it, to the user's own linked chat (through the outbox). */
  app.post("/:id/preview", requirePermission(deps, "broadcast.draft"), async (c) => {
    const session = c.get("session");
    const campaign = await broadcasts.get(campaignId(c.req.param("id")));
    if (!campaign) return c.text(t("admin-error-not-found"), 404);
    const me = await prisma.staffUser.findUniqueOrThrow({
      where: { id: session.user.id },
      select: { chatChannel: true, chatId: true },
    });
    if (!me.chatChannel || !me.chatId) return c.redirect(back(campaign.id, "error=admin-bc-no-linked-chat"), 303);
    const message = announcementMessage(campaign, t);
    await deps.outbox.enqueue(
      { channel: me.chatChannel, chatId: me.chatId },
      // Marked at both ends: a test copy must never pass for a real announcement.
      { ...message, text: `${t("admin-bc-preview-prefix")}\n\n${message.text}\n\n${t("admin-bc-preview-suffix")}` },
    );
    return c.redirect(back(campaign.id, "ok=admin-bc-preview-sent"), 303);
  });

  app.post("/:id/send", requirePermission(deps, "broadcast.send"), async (c) => {
    const actorId = c.get("session").user.id;
    const id = campaignId(c.req.param("id"));
    const at = readScheduleTime(await c.req.parseBody({ all: true }));
    if (at === null) return c.redirect(back(id, "error=admin-bc-error-time"), 303);
    const result = await broadcasts.send(id, actorId, deps.now(), at);
    if (!result.ok) return c.redirect(back(id, `error=${result.problem}`), 303);
    return c.redirect(back(id, result.scheduled ? "ok=admin-bc-scheduled" : "ok=admin-bc-sending"), 303);
  });

  app.post("/:id/cancel", requirePermission(deps, "broadcast.cancel"), async (c) => {
    const actorId = c.get("session").user.id;
    const id = campaignId(c.req.param("id"));
    if (!(await broadcasts.cancel(id, deps.now(), { id: actorId })))
      return c.redirect(back(id, "error=admin-bc-error-state"), 303);
    return c.redirect(back(id, "ok=admin-bc-cancelled"), 303);
  });

  return app;
}
