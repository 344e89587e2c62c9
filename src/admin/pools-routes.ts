import { Hono } from "hono";
import { html } from "hono/html";
import { HTX_MIN_MEMBERS, POOLED_PURPOSES, poolsReachingMinimum } from "../leads/pooling.js";
import type { AdminDeps, AdminEnv } from "./deps.js";
import { displayDateTime } from "../lib/vietnam-time.js";
import { filterQuery } from "./leads/lead-filter.js";
import { toStoredLead } from "../leads/lead-repository.js";
import { sectorChoiceLabel } from "./leads/sector-choice.js";
import { page } from "./layout.js";

/**
 * Commune + sector groups whose founding leads together reach the legal minimum of members, with the
 * date officers were alerted (PoolAlert). The grouping rule is src/leads/pooling.ts, not repeated here.
 */
export function poolsRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const { prisma, translate: t } = deps;
  const app = new Hono<AdminEnv>();

  app.get("/", async (c) => {
    const [rows, alerts] = await Promise.all([
      prisma.lead.findMany({ where: { purpose: { in: [...POOLED_PURPOSES] }, status: { notIn: ["closed", "founded"] } } }),
      prisma.poolAlert.findMany(),
    ]);
    const sectorOf = new Map(rows.map((r) => [r.reference, r.sector]));
    const pools = poolsReachingMinimum(rows.map(toStoredLead), new Set());
    const alertedAt = new Map(alerts.map((a) => [a.key, a.notifiedAt]));
    const body = html`<p>${t("admin-pools-intro", { minimum: HTX_MIN_MEMBERS })}</p>
      <div class="table"><table>
        <thead><tr><th>${t("leads-col-commune")}</th><th>${t("leads-col-sector")}</th><th>${t("admin-pools-leads")}</th>
          <th>${t("admin-pools-members")}</th><th>${t("admin-pools-alerted")}</th></tr></thead>
        <tbody>${pools.map((pool) => {
          const sector = sectorOf.get(pool.leadReferences[0]!) ?? pool.sector.id;
          const link = `/admin/leads?${filterQuery({ commune: pool.communeCode, sector })}`;
          const alerted = alertedAt.get(pool.key);
          return html`<tr><td>${pool.communeName}</td><td>${sectorChoiceLabel(t, sector, pool.sector.text)}</td>
            <td class="num"><a href="${link}">${pool.leadReferences.length}</a></td><td class="num">${pool.prospectiveMembers}</td>
            <td>${alerted ? displayDateTime(alerted) : t("admin-pools-not-alerted")}</td></tr>`;
        })}</tbody></table></div>
      ${pools.length === 0 ? html`<p>${t("admin-pools-none")}</p>` : ""}`;
    return c.html(page(t, { title: t("admin-pools-title"), session: c.get("session"), body }));
  });

  return app;
}
