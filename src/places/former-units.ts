/**
 * Parses the `former_units` column of the Cần Thơ file:
 * `Tên cũ [old code] (old district, old province)` entries separated by "; ", with a trailing
 * "(một phần)" when only part of the old unit went into the new one.
 */
export type FormerUnit = {
  name: string;
  code: string;
  district: string;
  province: string;
  /** True when the old unit was split and only part of it went into this new unit. */
  partial: boolean;
};

const ENTRY = /^(.+?)\s*\[(\d+)\]\s*\(([^,()]+),\s*([^()]+)\)\s*(\(một phần\))?$/u;

export function parseFormerUnits(column: string): FormerUnit[] {
  return column
    .split(";")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const match = ENTRY.exec(entry);
      if (!match) throw new Error(`Unrecognised former unit: "${entry}"`);
      const [, name, code, district, province, partial] = match;
      return {
        // The old register has stray double spaces ("Xã Đại Ân  2").
        name: name!.replace(/\s+/g, " "),
        code: code!,
        district: district!.trim(),
        province: province!.trim(),
        partial: partial !== undefined,
      };
    });
}
