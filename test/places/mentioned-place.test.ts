import { describe, expect, it } from "vitest";
import { findMentionedPlace } from "../../src/places/mentioned-place.js";
import { CAN_THO_PROVINCE_CODE, createPlaceResolver } from "../../src/places/resolver.js";

const places = createPlaceResolver();

describe("findMentionedPlace", () => {
  it("names today's commune for a former commune, with its district to tell it apart", () => {
    expect(findMentionedPlace("tui o xã Vĩnh Thành, Thạnh Trị muốn lập HTX thì nộp ở đâu", places)).toEqual({
      kind: "commune",
      former: "Xã Vĩnh Thành (Huyện Thạnh Trị, Tỉnh Sóc Trăng)",
      current: "Xã Vĩnh Lợi",
      province: "Thành phố Cần Thơ",
    });
    expect(findMentionedPlace("phuong 5 soc trang nop ho so o dau", places)).toMatchObject({
      kind: "commune",
      current: "Phường Sóc Trăng",
    });
  });

  it("says a former district is gone and names communes formed from it", () => {
    const place = findMentionedPlace("huyen My Xuyen co quy ho tro khong", places);
    expect(place).toMatchObject({
      kind: "district",
      former: "Huyện Mỹ Xuyên, Tỉnh Sóc Trăng",
      province: "Thành phố Cần Thơ",
    });
    expect(place?.kind === "district" && place.current.length).toBeGreaterThan(0);
  });

  it("names the city a former province belongs to", () => {
    expect(findMentionedPlace("Tỉnh Sóc Trăng có hỗ trợ HTX không", places)).toEqual({
      kind: "province",
      former: "Tỉnh Sóc Trăng",
      current: "Thành phố Cần Thơ",
    });
  });

  it("reads a bare name after 'ở' or 'tại' as the widest former unit it names", () => {
    expect(findMentionedPlace("htx o ke sach dang ky o dau", places)).toMatchObject({
      kind: "district",
      former: "Huyện Kế Sách, Tỉnh Sóc Trăng",
    });
    expect(findMentionedPlace("tui o soc trang muon lap htx", places)).toEqual({
      kind: "province",
      former: "Tỉnh Sóc Trăng",
      current: "Thành phố Cần Thơ",
    });
    expect(findMentionedPlace("HTX tại Mỹ Xuyên vay vốn ở đâu", places)).toMatchObject({ kind: "district" });
  });

  it("gives examples from one district when two former districts share its name", () => {
    const place = findMentionedPlace("huyen chau thanh co htx nao", places);
    expect(place).toMatchObject({ kind: "district", former: "Huyện Châu Thành, Tỉnh Sóc Trăng" });
    const districtOf = new Map(
      places
        .resolve("huyen chau thanh", { limit: 10, provinceCode: CAN_THO_PROVINCE_CODE })
        .filter((c) => c.matchedVia === "former_district")
        .map((c) => [c.name, c.formerName]),
    );
    const current = place?.kind === "district" ? place.current : [];
    expect(current.length).toBeGreaterThan(1);
    expect(current.map((name) => districtOf.get(name))).toEqual(current.map(() => "Huyện Châu Thành, Tỉnh Sóc Trăng"));
  });

  it.each([
    "o day co htx nao khong",
    "tui o nha lam ruong, vo htx duoc ko",
    "tai sao phai gop von",
    "htx dat tru so o dau",
    "o ngoai tinh vo htx duoc ko",
    "ho o an ninh",
  ])("takes no ordinary words or current names after 'ở' for a former place: %j", (question) => {
    expect(findMentionedPlace(question, places)).toBeNull();
  });

  it.each([
    "xa vien co duoc vay khong",
    "htx can may nguoi",
    "HTX o xa Vinh Thanh thi dang ky o dau",
    "Ở xã Hồ Đắc Kiện lập HTX được không",
  ])("says nothing for %j (no place, an ambiguous one, or a current name)", (question) => {
    expect(findMentionedPlace(question, places)).toBeNull();
  });
});
