import { html } from "hono/html";
import type { Html } from "./layout.js";

/**
 * Horizontal bar charts as inline SVG: no chart library, no script, readable on a phone (the SVG
 * scales to the screen width), and allowed by the dashboard's strict Content-Security-Policy
 * because it uses presentation attributes, not inline styles.
 */
export type Bar = { label: string; value: number };

const WIDTH = 600;
const ROW = 28;
const LABEL_WIDTH = 210;
const BAR_SPACE = WIDTH - LABEL_WIDTH - 50;

export function barChart(title: string, bars: readonly Bar[], emptyText: string): Html {
  if (bars.length === 0) return html`<figure class="chart"><figcaption>${title}</figcaption><p>${emptyText}</p></figure>`;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW;
  return html`<figure class="chart"><figcaption>${title}</figcaption>
    <svg viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${title}"><title>${title}</title>
    ${bars.map((bar, i) => {
      const y = i * ROW;
      const width = Math.round((bar.value / max) * BAR_SPACE);
      return html`<g><text x="${LABEL_WIDTH - 8}" y="${y + 19}" text-anchor="end" font-size="14" fill="#333">${bar.label}</text>
        <rect x="${LABEL_WIDTH}" y="${y + 5}" width="${width}" height="${ROW - 10}" rx="3" fill="#2e7d32"></rect>
        <text x="${LABEL_WIDTH + width + 6}" y="${y + 19}" font-size="14" fill="#333">${bar.value}</text></g>`;
    })}
    </svg></figure>`;
}
