import { GrammyError, type Context } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { BaseContextFlavor } from "./context.js";
import type { Translate } from "../i18n/translate.js";
import { foldVietnamese } from "../lib/vietnamese.js";
import { NEGATION, readYesNo, type YesNo } from "../lib/yes-no.js";

/**
 * Channel-neutral choices: a step offers rows of choices (label + data) and each channel renders
 * them (Telegram an inline keyboard, the web chat buttons, Zalo a numbered list). A press, a typed
 * key ("1", "a"), a typed label or a yes/no word comes back as the same data.
 */
export interface Choice {
  text: string;
  data: string;
  /** Marks the yes or the no of a yes/no question, so "hông", "ko", "dạ", "ừ" pick it when typed. */
  means?: YesNo;
}

export type ChoiceRows = Choice[][];

export interface ChoiceOptions {
  /**
   * Typed numbers answer this step themselves (a member count, a land area, a phone number): on text
   * channels the choices are then lettered (a, b, c), so "2" is never mistaken for the second option.
   */
  numbersAreAnswers?: boolean;
}

/** A choice as a text channel listed it: its key ("1" or "a") next to its label. */
export interface OfferedChoice extends Choice {
  key: string;
}

/** What `ctx.reply` is given: the (possibly extended) text and the options to send with it. */
export interface RenderedChoices {
  text: string;
  other: Record<string, unknown>;
}

/** How a channel shows a message with choices; the bot gets its channel's renderer. */
export type ChoiceRenderer = (text: string, rows: ChoiceRows, options: ChoiceOptions) => RenderedChoices;

const nonEmpty = (rows: ChoiceRows) => rows.filter((row) => row.length > 0);

/** Choices laid out `perRow` to a row (short labels, fewer rows on a small screen). */
export const inRows = <T>(items: T[], perRow: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / perRow) }, (_, r) => items.slice(r * perRow, (r + 1) * perRow));

/** Rows as Telegram's inline keyboard (Telegram renders it; the web chat turns it into buttons). */
export function inlineKeyboardMarkup(rows: ChoiceRows): InlineKeyboardMarkup {
  return { inline_keyboard: nonEmpty(rows).map((row) => row.map((c) => ({ text: c.text, callback_data: c.data }))) };
}

export const renderAsButtons: ChoiceRenderer = (text, rows) => ({
  text,
  other: nonEmpty(rows).length > 0 ? { reply_markup: inlineKeyboardMarkup(rows) } : {},
});

/**
 * Channels without buttons get the choices themselves with the message, under this parameter of
 * sendMessage, and list them in the text (`keyChoices` + `listChoicesInText`): only the channel
 * knows which keys the same reply already used.
 */
export const LISTED_CHOICES = "listed_choices";
export interface ListedChoices {
  rows: ChoiceRows;
  options: ChoiceOptions;
}

/**
 * Sent with a short confirmation on a channel without edits: the choices listed before stay in force
 * (a reply without choices otherwise forgets them).
 */
export const KEEP_LISTED_CHOICES = "keep_listed_choices";

export const renderForListing: ChoiceRenderer = (text, rows, options) => ({
  text,
  other: nonEmpty(rows).length > 0 ? { [LISTED_CHOICES]: { rows, options } satisfies ListedChoices } : {},
});

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * The keys a text channel lists choices with: 1, 2, 3 … or a, b, c … where numbers are answers.
 * `before` choices were already listed in the same reply (two messages with choices), so keys go on.
 */
export function keyChoices(listed: ListedChoices, before = 0): OfferedChoice[] {
  return nonEmpty(listed.rows)
    .flat()
    .map((choice, i) => {
      const n = before + i;
      return { ...choice, key: listed.options.numbersAreAnswers && n < LETTERS.length ? LETTERS[n]! : String(n + 1) };
    });
}

/** "1, 2 hoặc 3" */
function keyList(keys: string[], t: Translate): string {
  if (keys.length === 1) return keys[0]!;
  return `${keys.slice(0, -1).join(", ")} ${t("choices-or")} ${keys.at(-1)}`;
}

/**
 * The message text with its choices listed under it and how to answer, for channels without buttons
 * (Zalo). The typed reply is read back by `matchTypedChoice`.
 */
export function listChoicesInText(
  text: string,
  offered: readonly OfferedChoice[],
  options: ChoiceOptions,
  t: Translate,
): string {
  if (offered.length === 0) return text;
  const lines = offered.map((c) => `${c.key}. ${c.text}`);
  const keys = keyList(
    offered.map((c) => c.key),
    t,
  );
  const how = options.numbersAreAnswers ? t("choices-how-letters", { keys }) : t("choices-how-numbers", { keys });
  return `${text}\n\n${lines.join("\n")}\n\n${how}`;
}

/** Words that only make a typed choice polite or urgent: "gửi đi", "gửi luôn nha". */
const TRAILING_PARTICLES = /( (di|luon|lien|nha|nhe|a|ha))+$/;

/** A label's words before the typed end that negate it: "biết" never picks "Không biết". */
const NEGATED_END = new RegExp(`(^|\\s)${NEGATION}\\s*$`);

/** Shortest typed prefix taken as a label: one letter would pick options out of ordinary words. */
const MIN_PREFIX = 2;

/**
 * Which offered choice a typed reply means, or undefined (then it is ordinary text): its key, its
 * label without diacritics or emoji ("gap can bo"), a prefix of exactly one label ("khong" for
 * "Không biết" only when no other label starts so; "gửi đi" for "Gửi đăng ký"), else the last words of
 * exactly one label ("tổ hợp tác" for "Lập tổ hợp tác", never a negated one), or a yes/no word where
 * the choices mark yes/no.
 */
export function matchTypedChoice<C extends OfferedChoice>(typed: string, offered: readonly C[]): C | undefined {
  const folded = foldVietnamese(typed);
  if (folded.length === 0) return undefined;
  const byKey = offered.find((c) => c.key === folded);
  if (byKey) return byKey;
  const labels = offered.map((c) => ({ choice: c, label: foldVietnamese(c.text) }));
  const exact = labels.filter((l) => l.label === folded);
  if (exact.length === 1) return exact[0]!.choice;
  const yesNo = readYesNo(typed);
  const meant = yesNo ? offered.filter((c) => c.means === yesNo) : [];
  if (meant.length === 1) return meant[0];
  const asked = folded.replace(TRAILING_PARTICLES, "");
  if (asked.length < MIN_PREFIX) return undefined;
  const prefixed = labels.filter((l) => l.label.startsWith(asked));
  if (prefixed.length > 0) return prefixed.length === 1 ? prefixed[0]!.choice : undefined;
  const ended = labels.filter(
    (l) => l.label.endsWith(` ${asked}`) && !NEGATED_END.test(l.label.slice(0, -asked.length)),
  );
  return ended.length === 1 ? ended[0]!.choice : undefined;
}

/**
 * A typed reply to a step whose choices are buttons (web chat, Telegram), read as on a channel that
 * lists them: the step's choice it names ("gui", "gửi đăng ký", a yes word), without the step's
 * prefix, or undefined.
 */
export function typedStepChoice(typed: string, rows: ChoiceRows, stepPrefix: string): string | undefined {
  const data = matchTypedChoice(typed, keyChoices({ rows, options: {} }))?.data;
  return data?.startsWith(stepPrefix) ? data.slice(stepPrefix.length) : undefined;
}

/**
 * After a press that changed the choices it came from (a topic ticked): where the channel can edit a
 * sent message with choices, that message becomes `text` with `rows`, in place; elsewhere (Zalo: a
 * list in the text) `confirmation` is sent alone and the listed choices keep working, so the farmer
 * does not get a new list at every press. A message Telegram no longer lets edit gets a new one.
 */
export async function updateChoices(
  ctx: Context & Pick<BaseContextFlavor, "renderChoices" | "editsChoices">,
  text: string,
  rows: ChoiceRows,
  confirmation: string,
): Promise<void> {
  if (!ctx.editsChoices) {
    await ctx.reply(confirmation, { [KEEP_LISTED_CHOICES]: true } as Record<string, unknown>);
    return;
  }
  const rendered = ctx.renderChoices(text, rows, {});
  try {
    if (ctx.callbackQuery?.message) return void (await ctx.editMessageText(rendered.text, rendered.other));
  } catch (error) {
    // Pressed twice with nothing to change; or the message is too old to edit (then a new one).
    if (!(error instanceof GrammyError)) throw error;
    if (/not modified/i.test(error.description)) return;
  }
  await ctx.reply(rendered.text, rendered.other);
}

/** Sends `text` with its choices, as this chat's channel shows them. */
export function replyWithChoices(
  ctx: Context & Pick<BaseContextFlavor, "renderChoices">,
  text: string,
  rows: ChoiceRows,
  options: ChoiceOptions = {},
) {
  const rendered = ctx.renderChoices(text, rows, options);
  return ctx.reply(rendered.text, rendered.other);
}
