import { Hono } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import { AUDIT_ACTIONS, auditActionLabelKey, isAuditAction } from "../audit/audit-log.js";
import type { Prisma } from "../db/index.js";
import { auditDetails, auditTarget } from "./audit-format.js";
import { channelLabel } from "./channel-label.js";
import type { AdminDeps, AdminEnv } from "./deps.js";
import { displayDateTime, vietnamDayStart } from "../lib/vietnam-time.js";
import { page, pageParam, pager } from "./layout.js";

const PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(d)));
const filterSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  actor: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .optional()
    .catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
});

function auditWhere(filter: z.infer<typeof filterSchema>): Prisma.AuditEntryWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = vietnamDayStart(filter.from);
  if (filter.to) at.lt = new Date(vietnamDayStart(filter.to).getTime() + DAY_MS);
  return {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actor ? { actorId: filter.actor } : {}),
    ...(filter.from || filter.to ? { at } : {}),
  };
}

/** Admins only: who viewed, exported, changed or deleted what, newest first, filterable by action, person and day. */
export function auditRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const { prisma, translate: t } = deps;
  const app = new Hono<AdminEnv>();
  const actionLabel = (action: string) => (isAuditAction(action) ? t(auditActionLabelKey(action)) : action);

  app.get("/", async (c) => {
    const filter = filterSchema.parse(c.req.query());
    const where = auditWhere(filter);
    const pageNumber = pageParam(c);
    const [entries, total, users] = await Promise.all([
      prisma.auditEntry.findMany({
        where,
        orderBy: [{ at: "desc" }, { id: "desc" }],
        skip: (pageNumber - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        include: { actor: { select: { displayName: true, username: true } } },
      }),
      prisma.auditEntry.count({ where }),
      prisma.staffUser.findMany({
        orderBy: { displayName: "asc" },
        select: { id: true, displayName: true, username: true },
      }),
    ]);
    const names = new Map(users.map((u) => [u.id, `${u.displayName} (${u.username})`]));
    const userName = (id: number) => names.get(id);
    const who = (e: (typeof entries)[number]) =>
      e.actor
        ? `${e.actor.displayName} (${e.actor.username})`
        : e.channel
          ? t("audit-farmer", { channel: channelLabel(t, e.channel) })
          : t("audit-system");
    const body = html`<form method="get" class="filters card">
        <label>${t("admin-audit-action")}<select name="action"><option value="">${t("admin-all")}</option>
        ${AUDIT_ACTIONS.map((a) => html`<option value="${a}"${a === filter.action ? html` selected` : ""}>${actionLabel(a)}</option>`)}</select></label>
        <label>${t("admin-audit-actor")}<select name="actor"><option value="">${t("audit-actor-all")}</option>
        ${users.map((u) => html`<option value="${u.id}"${u.id === filter.actor ? html` selected` : ""}>${u.displayName} (${u.username})</option>`)}</select></label>
        <label>${t("audit-from")}<input type="date" name="from" value="${filter.from ?? ""}"></label>
        <label>${t("audit-to")}<input type="date" name="to" value="${filter.to ?? ""}"></label>
        <div class="actions"><button type="submit">${t("admin-filter")}</button></div></form>
      <div class="table"><table class="cards-on-phone">
        <thead><tr><th>${t("admin-audit-at")}</th><th>${t("admin-audit-actor")}</th><th>${t("admin-audit-action")}</th><th>${t("admin-audit-target")}</th><th>${t("admin-audit-details")}</th></tr></thead>
        <tbody>${entries.map((e) => {
          const { via, ...rest } = (e.details ?? {}) as Record<string, unknown>;
          return html`<tr><td data-label="${t("admin-audit-at")}">${displayDateTime(e.at)}</td><td data-label="${t("admin-audit-actor")}">${who(e)}</td>
            <td data-label="${t("admin-audit-action")}">${actionLabel(e.action)}${via === "chat" ? html` <small>(${t("audit-via-chat")})</small>` : ""}</td>
            <td data-label="${t("admin-audit-target")}">${auditTarget(t, e.target, userName)}</td>
            <td data-label="${t("admin-audit-details")}">${auditDetails(t, rest)}</td></tr>`;
        })}</tbody></table></div>
      ${pager(t, c, pageNumber, Math.max(1, Math.ceil(total / PAGE_SIZE)))}`;
    return c.html(page(t, { title: t("admin-audit-title"), session: c.get("session"), body }));
  });

  return app;
}
