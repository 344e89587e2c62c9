/**
 * Turning what the farmer tapped or typed into an answer value, and the buttons to offer.
 * The chat stays thin: it shows `answerButtons`, and passes taps or typed text to `readAnswer`.
 */
import { translator } from "../i18n/translate.js";
import { formatQuantity, parseQuantity, type QuantityKind } from "../lib/farmer-numbers.js";
import { foldVietnamese } from "../lib/vietnamese.js";
import { readYesNo } from "../lib/yes-no.js";
import type { Question } from "./schema.js";
import type { AnswerValue } from "./types.js";

export const COMMUNE_KINDS = ["xa", "phuong", "dac_khu", "thi_tran"] as const;
export type CommuneKind = (typeof COMMUNE_KINDS)[number];

/** "Xã Kế Sách" → xa, "phuong 5" → phuong; a bare name has no kind, so the rule stays unknown. */
export function communeKind(name: string): CommuneKind | undefined {
  const folded = foldVietnamese(name);
  return COMMUNE_KINDS.find((kind) => {
    const prefix = kind.replace("_", " ");
    return folded === prefix || folded.startsWith(`${prefix} `);
  });
}

const UNIT_KIND: Record<"người" | "ha" | "đồng", QuantityKind> = { người: "count", ha: "area", đồng: "money" };

/** Which farmer-numbers parser reads a number question. */
function quantityKind(question: Question & { type: "number" }): QuantityKind {
  return UNIT_KIND[question.unit];
}

export interface AnswerButton {
  label: string;
  value: AnswerValue | "unknown";
}

/** Buttons for a question: Có/Không or the options, then "Không biết" when allowed. */
export function answerButtons(question: Question): AnswerButton[] {
  const t = translator();
  const buttons: AnswerButton[] =
    question.type === "yes_no"
      ? [
          { label: t("elig-button-yes"), value: true },
          { label: t("elig-button-no"), value: false },
        ]
      : question.type === "choice"
        ? question.options.map((o) => ({ label: o.label, value: o.id }))
        : [];
  if (question.allow_unknown) buttons.push({ label: t("elig-button-unknown"), value: "unknown" });
  return buttons;
}

export type AnswerReading =
  { ok: true; value: AnswerValue | "unknown"; display: string } | { ok: false; reason: string };

const UNKNOWN = new Set(["unknown", "khong biet", "kb", "chua biet", "khong ro"]);

/**
 * The one option whose label has the typed words ("vay" is "Vay vốn", "ho gia dinh" is "Cá nhân, hộ
 * gia đình"); none when another label has those words too ("hộ" is in "Hộ kinh doanh" and in "Cá nhân,
 * hộ gia đình"), so a short word never picks at random.
 */
function optionByWords<T extends { label: string }>(options: T[], folded: string): T | undefined {
  const words = (text: string) => ` ${text.replace(/[^a-z0-9]+/g, " ").trim()} `;
  const typed = words(folded);
  if (typed.trim() === "") return undefined;
  const mentioning = options.filter((o) => words(foldVietnamese(o.label)).includes(typed));
  return mentioning.length === 1 ? mentioning[0] : undefined;
}

/**
 * Reads a button value or typed text as the answer to `question`: "co"/"không" for yes/no, an
 * option id, label or its number for choices, farmer wording for numbers ("2 công"), a commune
 * name starting with xã/phường/đặc khu. A failed reading carries a Vietnamese reason to show.
 */
export function readAnswer(question: Question, input: AnswerValue): AnswerReading {
  const t = translator();
  const folded = typeof input === "string" ? foldVietnamese(input) : undefined;
  if (folded !== undefined && UNKNOWN.has(folded) && question.allow_unknown) {
    return { ok: true, value: "unknown", display: t("elig-button-unknown") };
  }
  switch (question.type) {
    case "yes_no": {
      const typed = typeof input === "string" ? readYesNo(input) : undefined;
      const value = typeof input === "boolean" ? input : typed === undefined ? undefined : typed === "yes";
      if (value === undefined) return { ok: false, reason: t("elig-answer-yes-no") };
      return { ok: true, value, display: t(value ? "elig-button-yes" : "elig-button-no") };
    }
    case "choice": {
      const option =
        question.options.find(
          (o, i) => o.id === input || foldVietnamese(o.label) === folded || String(i + 1) === folded,
        ) ?? (folded ? optionByWords(question.options, folded) : undefined);
      if (!option)
        return {
          ok: false,
          reason: t("elig-answer-choice", { options: question.options.map((o) => o.label).join("; ") }),
        };
      return { ok: true, value: option.id, display: option.label };
    }
    case "number": {
      const kind = quantityKind(question);
      const parsed =
        typeof input === "number" ? { ok: true as const, value: input } : parseQuantity(String(input), kind);
      if (!parsed.ok) return parsed;
      if (parsed.value < question.min || parsed.value > question.max) {
        const [min, max] = [question.min, question.max].map((n) => formatQuantity(n, kind));
        return { ok: false, reason: t("elig-answer-range", { min: min!, max: max! }) };
      }
      return { ok: true, value: parsed.value, display: formatQuantity(parsed.value, kind) };
    }
    case "commune": {
      const name = String(input).trim().replace(/\s+/g, " ");
      if (!communeKind(name)) return { ok: false, reason: t("elig-answer-commune") };
      return { ok: true, value: name, display: name };
    }
  }
}
