import { Hono } from "hono";
import { PassThrough, Readable } from "node:stream";
import { leadsCsvChunks, writeLeadsXlsx, type LeadBatches } from "../../leads/export.js";
import { exportSelection } from "../../leads/export-rows.js";
import { isLeadStatus } from "../../leads/lead-status.js";
import { SECTOR_IDS } from "../../leads/sectors.js";
import { sectorGroupLabel } from "./sector-choice.js";
import type { AdminDeps, AdminEnv } from "../deps.js";
import { vietnamDate } from "../../lib/vietnam-time.js";
import { flashFrom, formString, notFoundPage, page, pageParam } from "../layout.js";
import { requirePermission } from "../session-guard.js";
import { filterSummary, leadOrderBy, leadWhere, LEADS_PAGE_SIZE, parseLeadFilter } from "./lead-filter.js";
import { NOTICE_PENDING } from "../../leads/lead-repository.js";
import { addLeadNote, changeLeadStatus, messageFarmer } from "../../leads/lead-workflow.js";
import { leadDetailBody, leadsListBody, type LeadChoices } from "./leads-views.js";

/** How many leads an export holds, sent before the file so the page can show progress. */
const EXPORT_COUNT_HEADER = "x-export-count";

export function leadsRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const { prisma, translate: t, audit } = deps;
  const app = new Hono<AdminEnv>();

  async function choices(): Promise<LeadChoices> {
    const [communes, staff] = await Promise.all([
      prisma.lead.groupBy({ by: ["communeCode", "communeName"], orderBy: { communeName: "asc" } }),
      prisma.staffUser.findMany({
        where: { role: { not: "staff" } },
        orderBy: { displayName: "asc" },
        select: { id: true, displayName: true },
      }),
    ]);
    return {
      assignees: [
        { value: "none", label: t("admin-assignee-none") },
        ...staff.map((u) => ({ value: String(u.id), label: u.displayName })),
      ],
      communes: communes.map((c) => ({ value: c.communeCode, label: c.communeName })),
      // Every sector, not only the main ones stored: a farm's second sector is filtered on too.
      sectors: [...SECTOR_IDS, "other"].map((sector) => ({ value: sector, label: sectorGroupLabel(t, sector) })),
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
    const body = leadsListBody(t, c, {
      session,
      filter,
      choices: await choices(),
      rows,
      total,
      page: pageNumber,
      pageCount,
    });
    return c.html(page(t, { title: t("admin-leads-title"), session, flash: flashFrom(c, t), body }));
  });

  // Streamed batch by batch (see exportSelection): every lead, whatever the count, and the server
  // keeps answering farmers meanwhile. The count goes ahead in a header for the page's progress.
  for (const format of ["xlsx", "csv"] as const) {
    app.get(`/export.${format}`, requirePermission(deps, "lead.export"), async (c) => {
      const filter = parseLeadFilter(c.req.query());
      const selection = await exportSelection(prisma, { where: leadWhere(filter), orderBy: leadOrderBy(filter) });
      await audit.record({
        action: "lead.export",
        actorId: c.get("session").user.id,
        details: { format, count: selection.count, ...filterSummary(filter) },
      });
      const body = format === "csv" ? csvStream(selection.batches()) : xlsxStream(selection.batches());
      return c.body(body, 200, {
        "content-type":
          format === "xlsx"
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="dang-ky-htx-${vietnamDate(deps.now())}.${format}"`,
        "cache-control": "no-store",
        [EXPORT_COUNT_HEADER]: String(selection.count),
      });
    });
  }

  /** A failure half-way (the database went away) aborts the download, which the page reports; it is logged here. */
  function download(stream: Readable): ReadableStream<Uint8Array> {
    stream.on("error", (error) => deps.logger.error({ err: { message: error.message } }, "lead export failed"));
    return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
  }

  const csvStream = (batches: LeadBatches) => download(Readable.from(leadsCsvChunks(batches, t)));

  function xlsxStream(batches: LeadBatches): ReadableStream<Uint8Array> {
    const out = new PassThrough();
    writeLeadsXlsx(batches, out, t).catch((error: unknown) =>
      out.destroy(error instanceof Error ? error : new Error(String(error))),
    );
    return download(out);
  }

  const findLead = (reference: string) =>
    prisma.lead.findUnique({ where: { reference }, include: { assignedTo: { select: { displayName: true } } } });
  const backTo = (reference: string, flash: string) => `/admin/leads/${encodeURIComponent(reference)}?${flash}`;

  app.get("/:reference", async (c) => {
    const lead = await findLead(c.req.param("reference"));
    const session = c.get("session");
    if (!lead) return c.html(notFoundPage(t, session), 404);
    // The detail shows the full phone number: every look is recorded.
    await audit.record({ action: "lead.view", actorId: session.user.id, target: lead.reference });
    const events = await prisma.leadEvent.findMany({
      where: { leadId: lead.id, kind: { not: NOTICE_PENDING } },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      include: { actor: { select: { displayName: true } } },
    });
    const body = leadDetailBody(t, {
      session,
      lead,
      events: events.map((e) => ({ ...e, actorName: e.actor?.displayName ?? null })),
    });
    return c.html(
      page(t, { title: t("admin-lead-title", { reference: lead.reference }), session, flash: flashFrom(c, t), body }),
    );
  });

  app.post("/:reference/status", requirePermission(deps, "lead.status"), async (c) => {
    const lead = await findLead(c.req.param("reference"));
    if (!lead) return c.text(t("admin-error-not-found"), 404);
    const body = await c.req.parseBody();
    const [from, to] = [formString(body, "from"), formString(body, "to")];
    if (!isLeadStatus(from) || !isLeadStatus(to))
      return c.redirect(backTo(lead.reference, "error=admin-error-status-transition"), 303);
    const actorId = c.get("session").user.id;
    const result = await changeLeadStatus(deps, {
      lead,
      from,
      to,
      actorId,
      now: deps.now(),
      reason: formString(body, "reason"),
    });
    if (!result.ok) return c.redirect(backTo(lead.reference, `error=${result.problem}`), 303);
    return c.redirect(backTo(lead.reference, "ok=admin-lead-status-changed"), 303);
  });

  app.post("/:reference/notes", requirePermission(deps, "lead.note"), async (c) => {
    const lead = await findLead(c.req.param("reference"));
    if (!lead) return c.text(t("admin-error-not-found"), 404);
    const actorId = c.get("session").user.id;
    const result = await addLeadNote(deps, {
      lead,
      text: formString(await c.req.parseBody(), "note"),
      actorId,
      now: deps.now(),
    });
    if (!result.ok) return c.redirect(backTo(lead.reference, `error=${result.problem}`), 303);
    return c.redirect(backTo(lead.reference, "ok=admin-lead-note-added"), 303);
  });

  app.post("/:reference/message", requirePermission(deps, "lead.message"), async (c) => {
    const lead = await findLead(c.req.param("reference"));
    if (!lead?.chatId) return c.text(t("admin-error-not-found"), 404);
    const result = await messageFarmer(
      { prisma, translate: t },
      {
        lead,
        text: formString(await c.req.parseBody(), "message"),
        actorId: c.get("session").user.id,
        now: deps.now(),
      },
    );
    return c.redirect(
      backTo(lead.reference, result.ok ? "ok=admin-lead-message-sent" : `error=${result.problem}`),
      303,
    );
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
