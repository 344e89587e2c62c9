import { foldVietnamese } from "../../lib/vietnamese.js";
import type { QuestionProfile } from "../retrieval/coverage.js";

/**
 * Figures the asker states about their own case ("con tui 16 tuổi", "mới được 8 tháng", "nhà có 3
 * người"). The rule that answers is the one whose range holds that figure ("từ đủ 15 đến dưới 18
 * tuổi"), not the general condition stated next to it ("từ đủ 18 tuổi").
 */

/** Units a case is counted in (folded); "thành viên" counts people like "người". */
const UNITS: Record<string, string> = {
  tuoi: "tuoi",
  thang: "thang",
  nam: "nam",
  ngay: "ngay",
  nguoi: "nguoi",
  "thanh vien": "nguoi",
  "phan tram": "phan tram",
  trieu: "trieu",
  ty: "ty",
  ha: "ha",
};
const UNIT = Object.keys(UNITS).join("|");
const STATED = new RegExp(String.raw`\b(\d+) (${UNIT})\b`, "g");
/** "15 đến dưới 18 tuổi", "15–17 tuổi", "từ 3 tới 5 người" (folded: punctuation is a space). */
const RANGE = new RegExp(
  String.raw`\b(\d+) (?:(?:${UNIT}) )?(?:(?:den|toi) )?(?:(?:duoi|het) )?(\d+) (${UNIT})\b`,
  "g",
);

export interface StatedFigure {
  value: number;
  unit: string;
}

/** The figures with a unit a text states, in its order. */
export function statedFigures(text: string): StatedFigure[] {
  return [...foldVietnamese(text).matchAll(STATED)].map((m) => ({ value: Number(m[1]), unit: UNITS[m[2]!]! }));
}

/** True when a text states a range holding one of the figures (same unit). */
export function holdsStatedFigure(text: string, figures: readonly StatedFigure[]): boolean {
  if (figures.length === 0) return false;
  return [...foldVietnamese(text).matchAll(RANGE)].some((m) => {
    const [low, high, unit] = [Number(m[1]), Number(m[2]), UNITS[m[3]!]];
    return low < high && figures.some((f) => f.unit === unit && f.value >= low && f.value <= high);
  });
}

/** Units of the asker's own case: an age or a period. */
const OWN_UNITS = new Set(["tuoi", "thang", "nam", "ngay"]);

/**
 * The asker's own figures: an age or a period. A count of people may count another group than a
 * range does ("HTX tui mới 7 người" against a board of 03 to 15 people), and a sum of money sits
 * between ceilings listed for other borrowers ("nợ 400 triệu" against "300 triệu, 500 triệu").
 */
export function ownFigures(figures: readonly StatedFigure[]): StatedFigure[] {
  return figures.filter((figure) => OWN_UNITS.has(figure.unit));
}

/**
 * The share of a question's weight carried by the terms naming its figures ("16", "16_tuoi") that a
 * section's terms lack. A passage whose range holds the figure ("từ đủ 15 đến dưới 18 tuổi") has
 * found them though it never writes the number; a rare number would otherwise weigh as much as the
 * question's topic and make the answer look unsure ("16 tuổi", while the common "17" does not).
 */
export function figureShare(
  profile: QuestionProfile,
  figures: readonly StatedFigure[],
  sectionTerms: ReadonlySet<string>,
): number {
  if (profile.total === 0) return 0;
  const numbers = new Set(figures.map((figure) => String(figure.value)));
  let share = 0;
  for (const [term, weight] of profile.weights) {
    if (!sectionTerms.has(term) && term.split("_").some((part) => numbers.has(part))) share += weight;
  }
  return share / profile.total;
}
