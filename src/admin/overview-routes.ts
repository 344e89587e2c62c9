import { vietnamDayStart } from "../lib/vietnam-time.js";
import { Hono } from "hono";
import { html } from "hono/html";
import { LEAD_STATUSES } from "../leads/lead-status.js";
import { formatNumber } from "../lib/farmer-numbers.js";
import { barChart, type Bar } from "./charts.js";
import type { AdminDeps, AdminEnv } from "./deps.js";
import { vietnamWeekStart } from "./format.js";
import { sectorGroupLabel } from "./leads/sector-choice.js";
import { flashFrom, page } from "./layout.js";

const WEEKS = 12;
const WEEK_MS = 7 * 86_400_000;
const TOP_COMMUNES = 10;

/** The start page: leads by status, and charts per week, commune and sector. */
export function overviewRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const { prisma, translate: t } = deps;
  const app = new Hono<AdminEnv>();

  async function weeklyBars(): Promise<Bar[]> {
    const now = deps.now();
    const weeks = Array.from({ length: WEEKS }, (_, i) =>
      vietnamWeekStart(new Date(now.getTime() - (WEEKS - 1 - i) * WEEK_MS)),
    );
    const rows = await prisma.lead.findMany({
      where: { createdAt: { gte: vietnamDayStart(weeks[0]!) } },
      select: { createdAt: true },
    });
    const counts = new Map(weeks.map((w) => [w, 0]));
    for (const row of rows) {
      const week = vietnamWeekStart(row.createdAt);
      if (counts.has(week)) counts.set(week, counts.get(week)! + 1);
    }
    return weeks.map((week) => ({
      label: t("admin-chart-week-of", { day: `${week.slice(8, 10)}/${week.slice(5, 7)}` }),
      value: counts.get(week)!,
    }));
  }

  app.get("/", async (c) => {
    const [byStatus, erased, byCommune, bySector, weekly] = await Promise.all([
      prisma.lead.groupBy({ by: ["status"], where: { erasedAt: null }, _count: { _all: true } }),
      prisma.lead.count({ where: { erasedAt: { not: null } } }),
      prisma.lead.groupBy({
        by: ["communeCode", "communeName"],
        _count: { _all: true },
        orderBy: { _count: { communeCode: "desc" } },
        take: TOP_COMMUNES,
      }),
      prisma.lead.groupBy({ by: ["sector"], _count: { _all: true }, orderBy: { _count: { sector: "desc" } } }),
      weeklyBars(),
    ]);
    const statusCount = new Map(byStatus.map((s) => [s.status, s._count._all]));
    const empty = t("admin-chart-empty");
    // Same filters as the list's status choice, so a tile's number is the list's count.
    const tiles = [
      ...LEAD_STATUSES.map((s) => ({ status: s, count: statusCount.get(s) ?? 0 })),
      { status: "erased", count: erased },
    ];
    const body = html`<ul class="tiles">${tiles.map(
      (tile) =>
        html`<li><a href="/admin/leads?status=${tile.status}"><b>${formatNumber(tile.count)}</b>${t(`leads-status-${tile.status}`)}</a></li>`,
    )}</ul>
      <div class="charts">
        ${barChart(t("admin-chart-per-week"), weekly, empty)}
        ${barChart(
          t("admin-chart-per-commune"),
          byCommune.map((r) => ({ label: r.communeName, value: r._count._all })),
          empty,
        )}
        ${barChart(
          t("admin-chart-per-sector"),
          bySector.map((r) => ({ label: sectorGroupLabel(t, r.sector), value: r._count._all })),
          empty,
        )}
      </div>`;
    return c.html(
      page(t, { title: t("admin-overview-title"), session: c.get("session"), flash: flashFrom(c, t), body }),
    );
  });

  return app;
}
