import { html } from "hono/html";
import type { Html } from "./layout.js";

/** A <select> with an "all" choice first; `selected` may be undefined (nothing chosen). */
export function selectField(
  label: string,
  name: string,
  options: Array<{ value: string; label: string }>,
  selected: string | undefined,
  allLabel?: string,
): Html {
  return html`<label>${label}<select name="${name}">
    ${allLabel !== undefined ? html`<option value="">${allLabel}</option>` : ""}
    ${options.map((o) => html`<option value="${o.value}"${o.value === selected ? html` selected` : ""}>${o.label}</option>`)}
  </select></label>`;
}
