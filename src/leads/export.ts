import type { Writable } from "node:stream";
import { translator, type Translate } from "../i18n/translate.js";
import { displayDateTime, vietnamWallClock } from "../lib/vietnam-time.js";
import type { Lead } from "./lead.js";
import { contactLabelKey } from "./contact.js";
import { callTimeLabelKey } from "./lead-fields.js";
import { statusLabelKey } from "./lead-status.js";
import { purposeLabelKey } from "./purposes.js";
import { sectorText } from "./sectors.js";

/**
 * Leads for officers, as CSV and .xlsx. Farmer-typed text could start with "=", "+", "-" or "@"
 * and run as a formula in Excel (CSV/formula injection), so such cells get a leading apostrophe.
 * Both formats are written batch by batch (`LeadBatches`), so exporting every lead never holds them
 * all in memory, and the server answers other requests between batches.
 * Dates read as on the dashboard, "27/11/2026 14:05" in Vietnam time (the .xlsx keeps real dates,
 * shown in that format).
 */
type Cell = string | number | Date | undefined;
/** A lead with who handles it and the officers' notes (oldest first, one a line: "27/11/2026 14:05 Tên: text"). */
export type ExportLead = Lead & { assignee?: string; officerNotes?: string };
export type LeadBatches = AsyncIterable<readonly ExportLead[]>;
type Column = { header: string; width: number; value: (lead: ExportLead) => Cell };

const FORMULA_START = /^[=+\-@\t\r]/;
const XLSX_DATE_FORMAT = "dd/mm/yyyy hh:mm";

export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function columns(t: Translate): Column[] {
  return [
    { header: t("leads-col-reference"), width: 12, value: (l) => l.reference },
    { header: t("leads-col-created-at"), width: 17, value: (l) => l.createdAt },
    { header: t("leads-col-status"), width: 14, value: (l) => t(statusLabelKey(l.status)) },
    { header: t("leads-col-purpose"), width: 28, value: (l) => t(purposeLabelKey(l.purpose)) },
    { header: t("leads-col-full-name"), width: 24, value: (l) => l.fullName },
    { header: t("leads-col-phone"), width: 14, value: (l) => l.phone?.display },
    { header: t("leads-col-contact"), width: 22, value: (l) => t(contactLabelKey(l.contact)) },
    { header: t("leads-col-commune"), width: 22, value: (l) => l.place.name },
    { header: t("leads-col-province"), width: 20, value: (l) => l.place.provinceName },
    { header: t("leads-col-commune-code"), width: 8, value: (l) => l.place.code },
    { header: t("leads-col-sector"), width: 20, value: (l) => sectorText(l.sector, t) },
    { header: t("leads-col-members"), width: 10, value: (l) => l.members },
    { header: t("leads-col-land-area"), width: 10, value: (l) => l.landArea?.hectares },
    { header: t("leads-col-call-time"), width: 16, value: (l) => t(callTimeLabelKey(l.callTime)) },
    { header: t("leads-col-note"), width: 40, value: (l) => l.note },
    { header: t("admin-assignee"), width: 20, value: (l) => l.assignee },
    { header: t("leads-col-officer-notes"), width: 50, value: (l) => l.officerNotes },
    { header: t("leads-col-consent-version"), width: 12, value: (l) => l.consentVersion },
  ];
}

function csvField(cell: Cell): string {
  if (cell === undefined) return "";
  if (typeof cell === "number") return String(cell);
  // CRLF ends a record and nothing else, so a reader (the dashboard's progress) can count records.
  const text = cell instanceof Date ? displayDateTime(cell) : escapeFormula(cell).replace(/\r\n?/g, "\n");
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (cells: readonly Cell[]) => `${cells.map(csvField).join(",")}\r\n`;

/** UTF-8 with a byte-order mark, or Excel shows Vietnamese as mojibake; CRLF line ends. */
export async function* leadsCsvChunks(batches: LeadBatches, t: Translate = translator()): AsyncGenerator<Buffer> {
  const cols = columns(t);
  yield Buffer.from(`\uFEFF${csvLine(cols.map((c) => c.header))}`, "utf8");
  for await (const batch of batches)
    yield Buffer.from(batch.map((lead) => csvLine(cols.map((c) => c.value(lead)))).join(""), "utf8");
}

/** Writes the workbook to `out` row by row (exceljs' streaming writer), then ends `out`. */
export async function writeLeadsXlsx(batches: LeadBatches, out: Writable, t: Translate = translator()): Promise<void> {
  // exceljs weighs about 27 MB in memory: loaded at the first export, not at start.
  const { default: ExcelJS } = await import("exceljs");
  const cols = columns(t);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(t("leads-sheet-name"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = cols.map((c, i) => ({
    header: escapeFormula(c.header),
    width: c.width,
    ...(i === 1 ? { style: { numFmt: XLSX_DATE_FORMAT } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  for await (const batch of batches) {
    for (const lead of batch) {
      const cells = cols.map((c) => {
        const cell = c.value(lead);
        if (typeof cell === "string") return escapeFormula(cell);
        // exceljs writes dates as UTC serials; shift so Excel shows Vietnam time.
        return cell instanceof Date ? vietnamWallClock(cell) : cell;
      });
      sheet.addRow(cells).commit();
    }
  }
  sheet.commit();
  await workbook.commit();
}
