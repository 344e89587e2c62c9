import { vietnamWallClock } from "../lib/vietnam-time.js";
import ExcelJS from "exceljs";
import { translator, type Translate } from "../i18n/translate.js";
import type { Lead } from "./lead.js";
import { contactLabelKey } from "./contact.js";
import { callTimeLabelKey } from "./lead-fields.js";
import { statusLabelKey } from "./lead-status.js";
import { purposeLabelKey } from "./purposes.js";
import { sectorText } from "./sectors.js";

/**
 * Leads for officers, as CSV and .xlsx. Farmer-typed text could start with "=", "+", "-" or "@"
 * and run as a formula in Excel (CSV/formula injection), so such cells get a leading apostrophe.
 */
type Cell = string | number | Date | undefined;
type Column = { header: string; width: number; value: (lead: Lead) => Cell };

const FORMULA_START = /^[=+\-@\t\r]/;

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
    { header: t("leads-col-consent-version"), width: 12, value: (l) => l.consentVersion },
  ];
}

/** "2026-11-27 14:05" in Vietnam time: sortable, and Excel reads it as a date. */
function csvDate(date: Date): string {
  return vietnamWallClock(date).toISOString().slice(0, 16).replace("T", " ");
}

function csvField(cell: Cell): string {
  if (cell === undefined) return "";
  if (typeof cell === "number") return String(cell);
  const text = cell instanceof Date ? csvDate(cell) : escapeFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** UTF-8 with a byte-order mark, or Excel shows Vietnamese as mojibake; CRLF line ends. */
export function leadsToCsv(leads: readonly Lead[], t: Translate = translator()): Buffer {
  const cols = columns(t);
  const lines = [cols.map((c) => csvField(c.header)), ...leads.map((l) => cols.map((c) => csvField(c.value(l))))];
  return Buffer.from(`\uFEFF${lines.map((cells) => cells.join(",")).join("\r\n")}\r\n`, "utf8");
}

export async function leadsToXlsx(leads: readonly Lead[], t: Translate = translator()): Promise<Buffer> {
  const cols = columns(t);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("leads-sheet-name"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = cols.map((c) => ({ header: escapeFormula(c.header), width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const lead of leads) {
    sheet.addRow(
      cols.map((c) => {
        const cell = c.value(lead);
        if (typeof cell === "string") return escapeFormula(cell);
        // exceljs writes dates as UTC serials; shift so Excel shows Vietnam time.
        return cell instanceof Date ? vietnamWallClock(cell) : cell;
      }),
    );
  }
  sheet.getColumn(2).numFmt = "yyyy-mm-dd hh:mm";
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
