import { beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/translate.js";
import { PURPOSE_IDS, purposeLabelKey } from "../../src/leads/purposes.js";
import { namedSectors, SECTOR_IDS, sectorLabelKey, sectorText } from "../../src/leads/sectors.js";
import {
  askKey,
  CALL_TIMES,
  callTimeLabelKey,
  LEAD_FIELDS,
  type FieldResult,
  validateCallTime,
  validateFullName,
  validateLandArea,
  validateMembers,
  validateNote,
  validatePhone,
  validatePlace,
  validatePurpose,
  validateSector,
} from "../../src/leads/lead-fields.js";
import { createPlaceResolver, type PlaceResolver } from "../../src/places/resolver.js";

const t = translator("vi");
/** Every failure must have a Vietnamese message that formats with its args. */
function expectFailure(result: FieldResult<unknown>, reason: string) {
  expect(result).toMatchObject({ ok: false, reason });
  if (!result.ok) expect(t(result.reason, result.args).length).toBeGreaterThan(10);
}

describe("questions", () => {
  it("has a Vietnamese question for every field", () => {
    for (const field of LEAD_FIELDS) expect(t(askKey(field))).toMatch(/\p{L}/u);
    expect(askKey("fullName")).toBe("leads-ask-full-name");
  });

  it("has a Vietnamese label for every purpose, sector and call time", () => {
    const keys = [
      ...PURPOSE_IDS.map(purposeLabelKey),
      ...SECTOR_IDS.map(sectorLabelKey),
      ...CALL_TIMES.map(callTimeLabelKey),
    ];
    for (const key of keys) expect(t(key)).toMatch(/^\p{Lu}/u);
    expect(t(sectorLabelKey("thuy_san"))).toBe("Thủy sản");
  });
});

describe("validatePurpose", () => {
  it.each([
    ["found_htx", "found_htx"],
    ["Tôi muốn thành lập HTX", "found_htx"],
    ["tham gia htx o xa", "join_htx"],
    ["lập tổ hợp tác", "found_tht"],
    ["thanh lap lien hiep", "found_union"],
  ])("%s → %s", (text, value) => expect(validatePurpose(text)).toEqual({ ok: true, value }));

  it("rejects an unrelated answer", () => expectFailure(validatePurpose("hỏi giá lúa"), "leads-purpose-invalid"));
});

describe("validateFullName", () => {
  it("tidies and capitalizes", () => {
    expect(validateFullName("  nguyễn   VĂN an ")).toEqual({ ok: true, value: "Nguyễn Văn An" });
    expect(validateFullName("Thạch Thị Sà Rết")).toEqual({ ok: true, value: "Thạch Thị Sà Rết" });
  });

  it.each([
    ["A", "leads-name-too-short"],
    ["a".repeat(81), "leads-name-too-long"],
    ["Nguyen 123", "leads-name-invalid"],
    ["=cmd()", "leads-name-invalid"],
  ])("%j → %s", (text, reason) => expectFailure(validateFullName(text), reason));
});

describe("validatePhone", () => {
  it("normalizes", () => {
    expect(validatePhone("(+84)912-345-678")).toEqual({
      ok: true,
      value: { e164: "+84912345678", display: "0912 345 678" },
    });
  });

  it("explains an old 11-digit number with the new one", () => {
    const result = validatePhone("01689123456");
    expectFailure(result, "leads-phone-old-prefix");
    expect(!result.ok && t(result.reason, result.args)).toContain("0389 123 456");
  });

  it.each([
    ["", "leads-phone-empty"],
    ["0912", "leads-phone-too-short"],
    ["0292 3821 234", "leads-phone-landline"],
    ["0612345678", "leads-phone-not-mobile"],
    ["+1 415 555 0100", "leads-phone-foreign"],
    ["091234567890", "leads-phone-too-long"],
  ])("%j → %s", (text, reason) => expectFailure(validatePhone(text), reason));
});

describe("validatePlace", () => {
  let places: PlaceResolver;
  beforeAll(() => {
    places = createPlaceResolver();
  });

  it("accepts a single exact match", () => {
    expect(validatePlace("xa hoa tu 2, my xuyen", places)).toEqual({
      ok: true,
      value: { code: "31717", name: "Xã Hòa Tú", provinceCode: "92", provinceName: "Thành phố Cần Thơ" },
    });
  });

  it("accepts the commune code of a chosen button", () => {
    expect(validatePlace("31900", places)).toMatchObject({
      ok: true,
      value: { name: "Xã Vĩnh Lợi", provinceCode: "96" },
    });
  });

  it("asks to choose when several places share the name, Cần Thơ first", () => {
    const result = validatePlace("vinh loi", places);
    expectFailure(result, "leads-place-choose");
    expect("candidates" in result && result.candidates.map((c) => c.code).slice(0, 2)).toEqual(["31777", "31900"]);
  });

  it("asks to choose for a split old unit and for typos", () => {
    expectFailure(validatePlace("bui huu nghia", places), "leads-place-choose");
    expectFailure(validatePlace("vinh loj", places), "leads-place-choose");
  });

  it("says when nothing matches", () => expectFailure(validatePlace("qwzxv", places), "leads-place-not-found"));
});

describe("namedSectors and sectorText", () => {
  it("keeps every sector a mixed farm names, in the order named", () => {
    expect(namedSectors("lua + nuoi tom")).toEqual(["lua", "thuy_san"]);
    expect(namedSectors("cà tím")).toEqual(["rau_mau"]);
    expect(sectorText({ id: "lua", text: "lua + nuoi tom" }, t)).toBe("Lúa + Thủy sản (lua + nuoi tom)");
    expect(sectorText({ id: "lua", text: "Lúa" }, t)).toBe("Lúa");
  });
});

describe("validateSector", () => {
  it.each([
    ["lua", "lua"],
    ["Trồng lúa", "lua"],
    ["nuôi cá", "thuy_san"],
    ["tom su", "thuy_san"],
    ["hanh", "hanh_tim"],
    ["heo", "chan_nuoi"],
    ["nuôi bò", "chan_nuoi"],
    ["ga", "chan_nuoi"],
    ["xoai", "trai_cay"],
    ["sầu riêng", "trai_cay"],
    ["cà tím", "rau_mau"],
    ["lúa - tôm", "lua"],
    ["nuôi ếch", "other"],
  ])("%s → %s", (text, id) => expect(validateSector(text)).toEqual({ ok: true, value: { id, text } }));

  it.each([
    ["  ", "leads-sector-empty"],
    ["x".repeat(101), "leads-sector-too-long"],
    ["5", "leads-sector-not-words"],
    ["12,5", "leads-sector-not-words"],
    ["??", "leads-sector-not-words"],
  ])("%j → %s", (text, reason) => expectFailure(validateSector(text), reason));
});

describe("validateMembers", () => {
  it.each([
    ["7", 7],
    ["12 người", 12],
    ["mười hai", 12],
    ["10000", 10_000],
  ])("%s → %d", (text, value) => expect(validateMembers(text)).toEqual({ ok: true, value }));

  it.each(["Không biết", "hổng biết", "ko biet", "chưa rõ", "dạ không biết", "cũng hông biết nữa"])(
    "%s → unknown",
    (text) => expect(validateMembers(text)).toEqual({ ok: true, value: undefined }),
  );

  it.each([
    ["0", "leads-members-out-of-range"],
    ["10001", "leads-members-out-of-range"],
    ["nhiều lắm", "leads-members-invalid"],
    ["2,5", "leads-members-invalid"],
  ])("%j → %s", (text, reason) => expectFailure(validateMembers(text), reason));
});

describe("validateLandArea", () => {
  it.each([
    ["2 công", 0.2],
    ["nửa hecta", 0.5],
    ["5000 m2", 0.5],
    ["1,5 ha", 1.5],
    ["0", 0],
  ])("%s → %d ha", (text, hectares) => {
    expect(validateLandArea(text)).toMatchObject({ ok: true, value: { hectares } });
  });

  it.each([
    ["abc", "leads-land-area-invalid"],
    ["12 người", "leads-land-area-invalid"],
    ["200000 ha", "leads-land-area-out-of-range"],
  ])("%j → %s", (text, reason) => expectFailure(validateLandArea(text), reason));

  it("asks the unit of a bare number, offering the three the delta uses", () => {
    expect(validateLandArea("10")).toEqual({
      ok: false,
      reason: "leads-land-area-unit",
      args: { number: "10" },
      suggestions: ["10 công", "10 ha", "10 m²"],
      incomplete: "10",
    });
    for (const choice of ["10 công", "10 ha", "10 m²"]) expect(validateLandArea(choice).ok).toBe(true);
  });
});

describe("validateCallTime", () => {
  it.each([
    ["morning", "morning"],
    ["Buổi sáng", "morning"],
    ["chiều", "afternoon"],
    ["tối", "evening"],
    ["buoi toi", "evening"],
    ["sáng hay chiều cũng được", "any"],
    ["bất kỳ", "any"],
  ])("%s → %s", (text, value) => expect(validateCallTime(text)).toEqual({ ok: true, value }));

  it("does not read 'tôi' (I) as evening", () =>
    expectFailure(validateCallTime("gọi cho tôi"), "leads-call-time-invalid"));
});

describe("validateNote", () => {
  it("keeps line breaks, drops control characters, allows empty", () => {
    expect(validateNote(" cần vốn\u0007 mua máy \r\n  gặt ")).toEqual({ ok: true, value: "cần vốn mua máy\ngặt" });
    expect(validateNote("")).toEqual({ ok: true, value: "" });
  });

  it("reads a typed no as no note", () => {
    for (const typed of ["không", "Ko có gì", "bỏ qua", "khong."])
      expect(validateNote(typed)).toEqual({ ok: true, value: "" });
    expect(validateNote("không cần gọi sáng")).toEqual({ ok: true, value: "không cần gọi sáng" });
  });

  it("limits to 500 characters", () => {
    expect(validateNote("a".repeat(500)).ok).toBe(true);
    expectFailure(validateNote("a".repeat(501)), "leads-note-too-long");
  });
});
