import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/places/csv.js";
import { parseFormerUnits } from "../../src/places/former-units.js";

describe("parseFormerUnits", () => {
  it("reads name, code, district, province and the split marker", () => {
    expect(
      parseFormerUnits(
        "Phường An Hòa [31120] (Quận Ninh Kiều, Thành phố Cần Thơ); Phường Bùi Hữu Nghĩa [31178] (Quận Bình Thuỷ, Thành phố Cần Thơ) (một phần)",
      ),
    ).toEqual([
      {
        name: "Phường An Hòa",
        code: "31120",
        district: "Quận Ninh Kiều",
        province: "Thành phố Cần Thơ",
        partial: false,
      },
      {
        name: "Phường Bùi Hữu Nghĩa",
        code: "31178",
        district: "Quận Bình Thuỷ",
        province: "Thành phố Cần Thơ",
        partial: true,
      },
    ]);
  });

  it("collapses the register's double spaces", () => {
    expect(parseFormerUnits("Xã Đại Ân  2 [31675] (Huyện Trần Đề, Tỉnh Sóc Trăng)")[0]?.name).toBe("Xã Đại Ân 2");
  });

  it("rejects a malformed entry instead of guessing", () => {
    expect(() => parseFormerUnits("Xã Không Mã (Huyện X, Tỉnh Y)")).toThrow(/Unrecognised/);
  });
});

describe("parseCsv", () => {
  it("handles quotes, commas, doubled quotes, CRLF and a BOM", () => {
    expect(parseCsv('\uFEFFa,b\r\n1,"x, ""y"""\r\n\r\n2,\n')).toEqual([
      { a: "1", b: 'x, "y"' },
      { a: "2", b: "" },
    ]);
  });
});
