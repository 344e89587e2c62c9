import { html } from "hono/html";
import { formatNumber } from "../lib/farmer-numbers.js";
import type { Html } from "./layout.js";

/**
 * Horizontal bar charts as inline SVG: no chart library, no script, and allowed by the dashboard's
 * strict Content-Security-Policy because it uses presentation attributes, not inline styles. Each
 * label sits on its own line above its bar, so a long commune name keeps the whole width, and the
 * drawing is about as wide as a phone screen, so its text stays readable at 390 px.
 */
export type Bar = { label: string; value: number };

const WIDTH = 360;
const ROW = 42;
const BAR_HEIGHT = 14;
const VALUE_SPACE = 60;
const LABEL_MAX_CHARS = 44;

const shortened = (label: string) =>
  label.length > LABEL_MAX_CHARS ? `${label.slice(0, LABEL_MAX_CHARS - 1)}…` : label;

export function barChart(title: string, bars: readonly Bar[], emptyText: string): Html {
  if (bars.length === 0)
    return html`<figure class="chart"><figcaption>${title}</figcaption><p>${emptyText}</p></figure>`;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW;
  return html`<figure class="chart"><figcaption>${title}</figcaption>
    <svg viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${title}"><title>${title}</title>
    ${bars.map((bar, i) => {
      const y = i * ROW;
      const width = Math.max(1, Math.round((bar.value / max) * (WIDTH - VALUE_SPACE)));
      return html`<g><title>${bar.label}: ${formatNumber(bar.value)}</title><text x="0" y="${y + 15}" font-size="14" fill="#333">${shortened(bar.label)}</text>
        <rect x="0" y="${y + 21}" width="${width}" height="${BAR_HEIGHT}" rx="3" fill="#2e7d32"></rect>
        <text x="${width + 6}" y="${y + 33}" font-size="14" fill="#333">${formatNumber(bar.value)}</text></g>`;
    })}
    </svg></figure>`;
}
