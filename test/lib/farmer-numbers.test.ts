import { describe, expect, it } from "vitest";
import { formatMoney, parseQuantity, type QuantityKind } from "../../src/lib/farmer-numbers.js";

const accepted: [string, QuantityKind, number, string][] = [
  ["2 công", "area", 0.2, "2 công (khoảng 0,2 ha)"],
  ["3 cong", "area", 0.3, "3 công (khoảng 0,3 ha)"],
  ["nửa hecta", "area", 0.5, "0,5 ha"],
  ["nua hec ta", "area", 0.5, "0,5 ha"],
  ["0,5 ha", "area", 0.5, "0,5 ha"],
  ["5000 m2", "area", 0.5, "5.000 m² (0,5 ha)"],
  ["5.000m²", "area", 0.5, "5.000 m² (0,5 ha)"],
  ["tầm 2 công", "area", 0.2, "2 công (khoảng 0,2 ha)"],
  ["tám công", "area", 0.8, "8 công (khoảng 0,8 ha)"],
  ["2 công rưỡi", "area", 0.25, "2,5 công (khoảng 0,25 ha)"],
  ["1 ha 2 công", "area", 1.2, "1,2 ha"],
  ["3 cong ruong", "area", 0.3, "3 công (khoảng 0,3 ha)"],
  ["2 ha đất vườn", "area", 2, "2 ha"],
  ["10 cong", "area", 1, "10 công (khoảng 1 ha)"],
  ["nửa công", "area", 0.05, "0,5 công (khoảng 0,05 ha)"],
  ["0", "area", 0, "0 ha"],
  ["300 triệu", "money", 300_000_000, "300 triệu đồng"],
  ["300tr", "money", 300_000_000, "300 triệu đồng"],
  ["1,5 tỷ", "money", 1_500_000_000, "1,5 tỷ đồng"],
  ["1.5 ty", "money", 1_500_000_000, "1,5 tỷ đồng"],
  ["2 tram trieu", "money", 200_000_000, "200 triệu đồng"],
  ["hai trăm triệu", "money", 200_000_000, "200 triệu đồng"],
  ["1 tỷ 500 triệu", "money", 1_500_000_000, "1,5 tỷ đồng"],
  ["1 tỷ 2", "money", 1_200_000_000, "1,2 tỷ đồng"],
  ["tỷ rưỡi", "money", 1_500_000_000, "1,5 tỷ đồng"],
  ["nửa tỷ", "money", 500_000_000, "500 triệu đồng"],
  ["500k", "money", 500_000, "500 nghìn đồng"],
  ["1.500.000 đ", "money", 1_500_000, "1,5 triệu đồng"],
  ["300000000", "money", 300_000_000, "300 triệu đồng"],
  ["12 nguoi", "count", 12, "12 người"],
  ["12 người", "count", 12, "12 người"],
  ["muoi hai", "count", 12, "12 người"],
  ["mười hai thành viên", "count", 12, "12 người"],
  ["hai mươi lăm", "count", 25, "25 người"],
  ["một trăm lẻ năm", "count", 105, "105 người"],
  ["12", "count", 12, "12 người"],
  // A guess is the number guessed.
  ["chac 3 nguoi", "count", 3, "3 người"],
  ["chắc tầm 7 người", "count", 7, "7 người"],
];

describe("parseQuantity", () => {
  it.each(accepted)("reads %j as %s", (text, kind, value, display) => {
    expect(parseQuantity(text, kind)).toEqual({ ok: true, value, display });
  });

  it.each([
    ["", "area", "empty"],
    ["abc", "count", "not_understood"],
    ["2-3 ha", "area", "not_understood"],
    ["ha", "area", "not_understood"],
    ["2 công", "money", "wrong_unit"],
    ["300 triệu", "count", "wrong_unit"],
    ["300", "money", "need_unit"],
    ["10", "area", "need_unit"],
    ["1,5", "area", "need_unit"],
    ["0,5 người", "count", "not_whole"],
  ] as const)("rejects %j as %s with a Vietnamese reason", (text, kind, problem) => {
    const result = parseQuantity(text, kind);
    expect(result).toMatchObject({ ok: false, problem });
    if (!result.ok) expect(result.reason).toMatch(/Ví dụ/);
  });

  it("formats money in the largest fitting unit", () => {
    expect(formatMoney(5_000_000_000)).toBe("5 tỷ đồng");
    expect(formatMoney(800)).toBe("800 đồng");
  });
});
