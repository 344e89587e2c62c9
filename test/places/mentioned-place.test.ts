import { describe, expect, it } from "vitest";
import { findMentionedPlace } from "../../src/places/mentioned-place.js";
import { createPlaceResolver } from "../../src/places/resolver.js";

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

  it.each([
    "xa vien co duoc vay khong",
    "htx can may nguoi",
    "HTX o xa Vinh Thanh thi dang ky o dau",
    "Ở xã Hồ Đắc Kiện lập HTX được không",
  ])("says nothing for %j (no place, an ambiguous one, or a current name)", (question) => {
    expect(findMentionedPlace(question, places)).toBeNull();
  });
});
