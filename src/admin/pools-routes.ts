import { Hono } from "hono";
import { html } from "hono/html";
import { poolsReachingMinimum, type Pool } from "../leads/pooling.js";
import { HTX_MIN_MEMBERS } from "../leads/purposes.js";
import type { AdminDeps, AdminEnv } from "./deps.js";
import { displayDateTime } from "../lib/vietnam-time.js";
import { filterQuery } from "./leads/lead-filter.js";
import { leadRepository } from "../leads/lead-repository.js";
import { sectorChoiceLabel } from "./leads/sector-choice.js";
import { page } from "./layout.js";

/**
 * Commune + sector groups whose founding leads together reach the legal minimum of members, with the
 * date officers were alerted (PoolAlert). The leads and the grouping rule are the alerts' own
 * (the repository's pooling query, src/leads/pooling.ts), so the page and the alerts agree.
 */
export function poolsRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const { prisma, translate: t } = deps;
  const app = new Hono<AdminEnv>();
  const leads = leadRepository(prisma);

  /** The pool's leads in the list; a sector of the farmer's own words is one of many "other" ones, found by its words. */
  const leadsLink = (pool: Pool) =>
    `/admin/leads?${filterQuery({ commune: pool.communeCode, sector: pool.sector.id, ...(pool.sector.id === "other" ? { q: pool.sector.text } : {}) })}`;

  app.get("/", async (c) => {
    const [candidates, alerts] = await Promise.all([leads.poolingLeads(), prisma.poolAlert.findMany()]);
    const pools = poolsReachingMinimum(candidates, new Set());
    const alertedAt = new Map(alerts.map((a) => [a.key, a.notifiedAt]));
    const body = html`<p>${t("admin-pools-intro", { minimum: HTX_MIN_MEMBERS })}</p>
      <div class="table"><table class="cards-on-phone">
        <thead><tr><th>${t("leads-col-commune")}</th><th>${t("leads-col-sector")}</th><th>${t("admin-pools-leads")}</th>
          <th>${t("admin-pools-members")}</th><th>${t("admin-pools-alerted")}</th></tr></thead>
        <tbody>${pools.map((pool) => {
          const alerted = alertedAt.get(pool.key);
          return html`<tr><td>${pool.communeName}</td><td data-label="${t("leads-col-sector")}">${sectorChoiceLabel(t, pool.sector.id, pool.sector.text)}</td>
            <td class="num" data-label="${t("admin-pools-leads")}"><a href="${leadsLink(pool)}">${pool.leadReferences.length}</a></td><td class="num" data-label="${t("admin-pools-members")}">${pool.prospectiveMembers}</td>
            <td data-label="${t("admin-pools-alerted")}">${alerted ? displayDateTime(alerted) : t("admin-pools-not-alerted")}</td></tr>`;
        })}</tbody></table></div>
      ${pools.length === 0 ? html`<p>${t("admin-pools-none")}</p>` : ""}`;
    return c.html(page(t, { title: t("admin-pools-title"), session: c.get("session"), body }));
  });

  return app;
}
