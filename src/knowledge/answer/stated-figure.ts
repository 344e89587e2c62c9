import { foldVietnamese } from "../../lib/vietnamese.js";

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
