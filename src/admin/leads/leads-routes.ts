import { Hono } from "hono";
import { html } from "hono/html";
import { leadsToCsv, leadsToXlsx } from "../../leads/export.js";
import { isLeadStatus } from "../../leads/lead-status.js";
import { sectorGroupLabel } from "./sector-choice.js";
import type { AdminDeps, AdminEnv } from "../deps.js";
import { vietnamDate } from "../../lib/vietnam-time.js";
import { flashFrom, formString, page, pageParam } from "../layout.js";
import { requirePermission } from "../session-guard.js";
import { filterSummary, leadOrderBy, leadWhere, LEADS_PAGE_SIZE, parseLeadFilter } from "./lead-filter.js";
import { NOTICE_PENDING, toStoredLead } from "../../leads/lead-repository.js";
import { addLeadNote, changeLeadStatus } from "../../leads/lead-workflow.js";
import { leadDetailBody, leadsListBody, type LeadChoices } from "./leads-views.js";

/** An export is a file, not a screen: cap it so one click cannot build a gigabyte workbook. */
const EXPORT_MAX_ROWS = 20_000;

export function leadsRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const { prisma, translate: t, audit } = deps;
  const app = new Hono<AdminEnv>();

  async function choices(): Promise<LeadChoices> {
    const [communes, sectors, staff] = await Promise.all([
      prisma.lead.groupBy({ by: ["communeCode", "communeName"], orderBy: { communeName: "asc" } }),
      prisma.lead.groupBy({ by: ["sector"], orderBy: { sector: "asc" } }),
      prisma.staffUser.findMany({ where: { role: { not: "staff" } }, orderBy: { displayName: "asc" }, select: { id: true, displayName: true } }),
    ]);
    return {
      assignees: [{ value: "none", label: t("admin-assignee-none") }, ...staff.map((u) => ({ value: String(u.id), label: u.displayName }))],
      communes: communes.map((c) => ({ value: c.communeCode, label: c.communeName })),
      sectors: sectors.map((s) => ({ value: s.sector, label: sectorGroupLabel(t, s.sector) })),
    };
  }

  app.get("/", async (c) => {
    const filter = parseLeadFilter(c.req.query());
    const where = leadWhere(filter);
    const total = await prisma.lead.count({ where });
    const pageCount = Math.max(1, Math.ceil(total / LEADS_PAGE_SIZE));
    const pageNumber = Math.min(pageParam(c), pageCount);
    const rows = await prisma.lead.findMany({
      where,
      orderBy: leadOrderBy(filter),
      skip: (pageNumber - 1) * LEADS_PAGE_SIZE,
      take: LEADS_PAGE_SIZE,
      include: { assignedTo: { select: { displayName: true } } },
    });
    const session = c.get("session");
    const body = leadsListBody(t, c, { session, filter, choices: await choices(), rows, total, page: pageNumber, pageCount });
    return c.html(page(t, { title: t("admin-leads-title"), session, flash: flashFrom(c, t), body }));
  });

  for (const format of ["xlsx", "csv"] as const) {
    app.get(`/export.${format}`, requirePermission(deps, "lead.export"), async (c) => {
      const filter = parseLeadFilter(c.req.query());
      const rows = await prisma.lead.findMany({ where: leadWhere(filter), orderBy: leadOrderBy(filter), take: EXPORT_MAX_ROWS });
      const leads = rows.map(toStoredLead);
      const file = format === "xlsx" ? await leadsToXlsx(leads, t) : leadsToCsv(leads, t);
      await audit.record({ action: "lead.export", actorId: c.get("session").user.id, details: { format, count: leads.length, ...filterSummary(filter) } });
      const type = format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
      return c.body(new Uint8Array(file), 200, {
        "content-type": type,
        "content-disposition": `attachment; filename="dang-ky-htx-${vietnamDate(deps.now())}.${format}"`,
        "cache-control": "no-store",
      });
    });
  }

  const findLead = (reference: string) => prisma.lead.findUnique({ where: { reference }, include: { assignedTo: { select: { displayName: true } } } });
  const backTo = (reference: string, flash: string) => `/admin/leads/${encodeURIComponent(reference)}?${flash}`;

  app.get("/:reference", async (c) => {
    const lead = await findLead(c.req.param("reference"));
    const session = c.get("session");
    if (!lead) return c.html(page(t, { title: t("admin-not-found-title"), session, body: html`<p>${t("admin-error-not-found")}</p>` }), 404);
    // The detail shows the full phone number: every look is recorded.
    await audit.record({ action: "lead.view", actorId: session.user.id, target: lead.reference });
    const events = await prisma.leadEvent.findMany({ where: { leadId: lead.id, kind: { not: NOTICE_PENDING } }, orderBy: [{ at: "desc" }, { id: "desc" }], include: { actor: { select: { displayName: true } } } });
    const body = leadDetailBody(t, { session, lead, events: events.map((e) => ({ ...e, actorName: e.actor?.displayName ?? null })) });
    return c.html(page(t, { title: t("admin-lead-title", { reference: lead.reference }), session, flash: flashFrom(c, t), body }));
  });

  app.post("/:reference/status", requirePermission(deps, "lead.status"), async (c) => {
    const lead = await findLead(c.req.param("reference"));
    if (!lead) return c.text(t("admin-error-not-found"), 404);
    const body = await c.req.parseBody();
    const [from, to] = [formString(body, "from"), formString(body, "to")];
    if (!isLeadStatus(from) || !isLeadStatus(to)) return c.redirect(backTo(lead.reference, "error=admin-error-status-transition"), 303);
    const actorId = c.get("session").user.id;
    const result = await changeLeadStatus(deps, { lead, from, to, actorId, now: deps.now(), reason: formString(body, "reason") });
    if (!result.ok) return c.redirect(backTo(lead.reference, `error=${result.problem}`), 303);
    return c.redirect(backTo(lead.reference, "ok=admin-lead-status-changed"), 303);
  });

  app.post("/:reference/notes", requirePermission(deps, "lead.note"), async (c) => {
    const lead = await findLead(c.req.param("reference"));
    if (!lead) return c.text(t("admin-error-not-found"), 404);
    const actorId = c.get("session").user.id;
    const result = await addLeadNote(deps, { lead, text: formString(await c.req.parseBody(), "note"), actorId, now: deps.now() });
    if (!result.ok) return c.redirect(backTo(lead.reference, `error=${result.problem}`), 303);
    return c.redirect(backTo(lead.reference, "ok=admin-lead-note-added"), 303);
  });

  app.post("/:reference/delete", requirePermission(deps, "lead.delete"), async (c) => {
    const reference = c.req.param("reference");
    const { count } = await prisma.lead.deleteMany({ where: { reference } });
    if (count === 0) return c.text(t("admin-error-not-found"), 404);
    await audit.record({ action: "lead.delete", actorId: c.get("session").user.id, target: reference });
    return c.redirect("/admin/leads?ok=admin-lead-deleted", 303);
  });

  return app;
}

