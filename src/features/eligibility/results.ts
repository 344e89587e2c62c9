import { inRows, type Choice, type ChoiceRows } from "../../bot/choices.js";
import type { Translate } from "../../i18n/translate.js";
import { formatShortCard, formatWhy, type ProgrammeResult } from "../../eligibility/index.js";
import { displayDate, vietnamDate } from "../../lib/vietnam-time.js";
import { MENU_CALLBACK_PREFIX } from "../menu/main-menu.js";

/**
 * Result buttons carry everything they need (`elig:<kind>:<checkId>[:<programmeId>]`) and read the
 * stored check, so they keep working after the flow ended, a restart, or days later.
 */
export const RESULT_BUTTON = /^elig:(why|docs|where):(\d+):([\w-]+)$/;
export const AGAIN_BUTTON = /^elig:again:(\d+)$/;
export const REGISTER_BUTTON = /^elig:reg:(\d+)$/;
export type ResultDetail = "why" | "docs" | "where";

export interface ResultMessage {
  text: string;
  choices: ChoiceRows;
}

const FITS = new Set(["eligible", "maybe"]);

/**
 * Two messages, so the first screen is what fits: eligible and maybe programmes with their buttons;
 * then what does not fit, may not fit (doubtful) or has ended, with the buttons to go on.
 * Programmes are numbered across both, and each button names its number.
 */
export function resultMessages(
  check: { id: number; asOf: string; results: ProgrammeResult[] },
  t: Translate,
): ResultMessage[] {
  const numbered = check.results.map((result, i) => ({ result, n: i + 1 }));
  const fit = numbered.filter(({ result }) => FITS.has(result.outcome));
  const rest = numbered.filter(({ result }) => !FITS.has(result.outcome));
  const card = ({ result, n }: (typeof numbered)[number]) => `${n}. ${formatShortCard(result)}`;
  const button = (kind: ResultDetail, n: number, id: string): Choice => ({
    text: t(`elig-button-${kind}`, { n }),
    data: `elig:${kind}:${check.id}:${id}`,
  });

  const first = fit.map(({ result, n }) => [
    button("why", n, result.id),
    button("docs", n, result.id),
    button("where", n, result.id),
  ]);
  const title = t("elig-results-title", { date: displayDate(vietnamDate(new Date(check.asOf))) });
  const fitText = fit.length ? fit.map(card).join("\n\n") : t("elig-results-none-fit");

  // Ended programmes have nothing to explain; the others say which condition blocks.
  const whyNotFitting = rest
    .filter(({ result }) => result.outcome !== "ended")
    .map(({ result, n }) => button("why", n, result.id));
  const second: ChoiceRows = [
    ...inRows(whyNotFitting, 3),
    [{ text: t("elig-button-again"), data: `elig:again:${check.id}` }],
    [{ text: t("elig-button-register"), data: `elig:reg:${check.id}` }],
    [{ text: t("menu-officer"), data: `${MENU_CALLBACK_PREFIX}officer` }],
  ];
  const restText = [
    ...(rest.length ? [t("elig-results-rest"), ...rest.map(card)] : []),
    t("elig-card-disclaimer"),
  ].join("\n\n");

  return [
    { text: `${title}\n\n${fitText}`, choices: first },
    { text: restText, choices: second },
  ];
}

const bullets = (lines: string[]) => lines.map((line) => `• ${line}`).join("\n");

/** The answer to one result button: the full reasons, the papers, or where to go. */
export function resultDetail(kind: ResultDetail, result: ProgrammeResult, t: Translate): string {
  if (kind === "why") return formatWhy(result);
  const items = kind === "docs" ? result.documents : result.whereToApply;
  const title = t(kind === "docs" ? "elig-card-documents" : "elig-card-where");
  return `${result.name}\n${title}\n${items.length ? bullets(items) : t("elig-detail-none")}`;
}
