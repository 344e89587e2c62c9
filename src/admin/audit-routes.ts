import { Hono } from "hono";
import { html } from "hono/html";
import type { AdminDeps, AdminEnv } from "./deps.js";
import { displayDateTime } from "../lib/vietnam-time.js";
import { page, pageParam, pager } from "./layout.js";

const PAGE_SIZE = 50;

/** Admins only: who viewed, exported, changed or deleted what, newest first, filterable by action. */
export function auditRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const { prisma, translate: t } = deps;
  const app = new Hono<AdminEnv>();

  app.get("/", async (c) => {
    const action = c.req.query("action")?.trim() || undefined;
    const where = action ? { action } : {};
    const pageNumber = pageParam(c);
    const [entries, total, actions] = await Promise.all([
      prisma.auditEntry.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (pageNumber - 1) * PAGE_SIZE, take: PAGE_SIZE, include: { actor: { select: { username: true } } } }),
      prisma.auditEntry.count({ where }),
      prisma.auditEntry.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    ]);
    const body = html`<form method="get" class="filters card"><label>${t("admin-audit-action")}<select name="action"><option value="">${t("admin-all")}</option>
        ${actions.map((a) => html`<option${a.action === action ? html` selected` : ""}>${a.action}</option>`)}</select></label>
        <div class="actions"><button type="submit">${t("admin-filter")}</button></div></form>
      <div class="table"><table>
        <thead><tr><th>${t("admin-audit-at")}</th><th>${t("admin-audit-actor")}</th><th>${t("admin-audit-action")}</th><th>${t("admin-audit-target")}</th><th>${t("admin-audit-details")}</th></tr></thead>
        <tbody>${entries.map(
          (e) => html`<tr><td>${displayDateTime(e.at)}</td><td>${e.actor?.username ?? (e.channel ? `${e.channel}:${e.chatId ?? ""}` : "—")}</td>
            <td>${e.action}</td><td>${e.target ?? ""}</td><td><code>${e.details ? JSON.stringify(e.details) : ""}</code></td></tr>`,
        )}</tbody></table></div>
      ${pager(t, c, pageNumber, Math.max(1, Math.ceil(total / PAGE_SIZE)))}`;
    return c.html(page(t, { title: t("admin-audit-title"), session: c.get("session"), body }));
  });

  return app;
}
