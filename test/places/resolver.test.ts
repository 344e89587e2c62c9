import { beforeAll, describe, expect, it } from "vitest";
import { createPlaceResolver, type PlaceCandidate, type PlaceResolver } from "../../src/places/resolver.js";

let places: PlaceResolver;
beforeAll(() => {
  places = createPlaceResolver();
});

const codes = (found: PlaceCandidate[]) => found.map((c) => c.code);
const top = (text: string, opts?: { provinceCode?: string }) => places.resolve(text, opts)[0];

describe("resolve: current names", () => {
  it.each([
    ["vinh loi", "31777"],
    ["Vĩnh Lợi", "31777"],
    ["vinhloi", "31777"],
    ["xã vĩnh lợi", "31777"],
    ["p. cai khe", "31120"],
    ["P.Cái Khế", "31120"],
    ["phuong ninh kieu", "31135"],
    ["my xuyen", "31684"],
    ["hoa tu", "31717"],
    ["Xã Hoà Tú", "31717"],
    ["phuong binh thuy", "31168"],
    ["ba dinh ha noi", "00004"],
    ["phuong 2 bao loc", "24820"],
  ])("%s → %s", (text, code) => {
    expect(top(text)).toMatchObject({ code, matchedVia: "name", score: 1 });
  });

  it("keeps a name that starts like a prefix word", () => {
    expect(top("xa phien")).toMatchObject({ code: "31495", name: "Xã Xà Phiên" });
    expect(codes(places.resolve("quan son"))).toContain("15016");
  });

  it("reads a full address, skipping the hamlet", () => {
    expect(top("ấp 3, xã Hòa Tú 2, huyện Mỹ Xuyên, tỉnh Sóc Trăng")).toMatchObject({
      code: "31717",
      matchedVia: "former_unit",
    });
    expect(top("khóm 2 phường cái khế quận ninh kiều")?.code).toBe("31120");
    // A numbered hamlet with no "xã" after it: the rest is the commune.
    expect(top("ap 3 ke sach")).toMatchObject({ name: "Xã Kế Sách", score: 1 });
    expect(places.resolve("ap 3")).toEqual([]);
  });

  it("reads a place said as where one lives ('tui ở Kế Sách'), not only a bare name", () => {
    expect(top("tui o ke sach")).toMatchObject({ name: "Xã Kế Sách", score: 1 });
    expect(top("nhà em ở xã Đại Hải")).toMatchObject({ name: "Xã Đại Hải", score: 1 });
    expect(places.resolve("tui o")).toEqual([]);
  });

  it("favours Cần Thơ for names that exist in several provinces, but lists the others", () => {
    const found = places.resolve("vinh loi");
    expect(codes(found).slice(0, 2)).toEqual(["31777", "31900"]);
    expect(found[1]).toMatchObject({ provinceName: "Tỉnh Cà Mau", score: 1 });
  });

  it("can favour another province", () => {
    expect(createPlaceResolver({ preferredProvinceCode: "96" }).resolve("vinh loi")[0]?.code).toBe("31900");
  });

  it("restricts to one province on request", () => {
    const found = places.resolve("vinh loi", { provinceCode: "96" });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => c.provinceCode === "96")).toBe(true);
  });

  it("uses the Cần Thơ resolution spelling and province name", () => {
    expect(top("hoa tu")).toMatchObject({ name: "Xã Hòa Tú", provinceName: "Thành phố Cần Thơ", type: "xã" });
  });
});

describe("resolve: typos give did-you-mean candidates", () => {
  it.each([
    ["vinh loj", "31777"],
    ["vinh lơi", "31777"],
    ["cai kheh", "31120"],
    ["ninh kieuu", "31135"],
  ])("%s suggests %s first", (text, code) => {
    const first = top(text);
    expect(first?.code).toBe(code);
    expect(first?.score).toBeLessThan(1);
    expect(first?.score).toBeGreaterThanOrEqual(0.6);
  });

  it("does not treat a different number as a typo", () => {
    expect(codes(places.resolve("phuong 7 bao loc"))).not.toContain("24820");
  });

  it("returns at most `limit` candidates, 5 by default", () => {
    expect(places.resolve("vinh").length).toBe(5);
    expect(places.resolve("vinh", { limit: 12 }).length).toBe(12);
  });

  it("returns nothing for nonsense or empty text", () => {
    expect(places.resolve("qwzxv")).toEqual([]);
    expect(places.resolve("  ,. ")).toEqual([]);
  });
});

describe("resolve: old units (before 1 July 2025)", () => {
  it("maps an old xã to its new xã", () => {
    expect(top("xa hoa tu 2")).toMatchObject({
      code: "31717",
      matchedVia: "former_unit",
      formerName: "Xã Hòa Tú II (Huyện Mỹ Xuyên, Tỉnh Sóc Trăng)",
    });
    expect(top("thi tran ke sach")).toMatchObject({ code: "31528", matchedVia: "former_unit" });
    expect(top("tt ke sach")?.code).toBe("31528");
  });

  it("maps a numbered old phường when the old city is given", () => {
    expect(top("phuong 5 soc trang")).toMatchObject({
      code: "31507",
      name: "Phường Sóc Trăng",
      matchedVia: "former_unit",
    });
    expect(top("phuong I vi thanh")).toMatchObject({ code: "31321", matchedVia: "former_unit" });
  });

  it("lists the new communes formed from a former district, best first", () => {
    const found = places.resolve("huyen my xuyen", { limit: 10 });
    const fromDistrict = found.filter((c) => c.matchedVia === "former_district");
    expect(fromDistrict.length).toBeGreaterThanOrEqual(4);
    expect(fromDistrict.every((c) => c.formerName === "Huyện Mỹ Xuyên, Tỉnh Sóc Trăng")).toBe(true);
    const scores = fromDistrict.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(codes(fromDistrict)).toEqual(expect.arrayContaining(["31717", "31726"]));
  });

  it("keeps an exact name ahead of the district of the same name", () => {
    expect(codes(places.resolve("my xuyen"))[0]).toBe("31684");
  });

  it("reads 'Sóc Trăng' as the new phường plus the old city's communes, all in Cần Thơ", () => {
    const found = places.resolve("soc trang");
    expect(found[0]).toMatchObject({ code: "31507", matchedVia: "name" });
    expect(found.every((c) => c.provinceCode === "92")).toBe(true);
  });

  it("returns no look-alikes for a bare province name", () => {
    expect(places.resolve("Hậu Giang")).toEqual([]);
  });

  it("returns every new unit that took part of a split old unit", () => {
    const found = places.resolve("phuong bui huu nghia");
    expect(codes(found).sort()).toEqual(["31120", "31168"]);
    expect(found.every((c) => c.formerPartial === true && c.matchedVia === "former_unit")).toBe(true);
    expect(codes(places.resolve("long tuyen"))).toEqual(expect.arrayContaining(["31150", "31183"]));
    expect(codes(places.resolve("phuong thot not", { limit: 10 }))).toEqual(expect.arrayContaining(["31207", "31228"]));
  });
});

// The four corrections of the upstream mapping listed in src/places/data/README.md.
describe("resolve: corrected upstream errors", () => {
  it("old Xã Vĩnh Thành (Thạnh Trị) → Xã Vĩnh Lợi, not Vĩnh Thạnh", () => {
    for (const text of [
      "Xã Vĩnh Thành, Thạnh Trị, Sóc Trăng",
      "xa vinh thanh thanh tri",
      "vĩnh thành huyện thạnh trị",
    ]) {
      const found = places.resolve(text);
      expect(found[0]).toMatchObject({ code: "31777", matchedVia: "former_unit" });
      expect(codes(found)).not.toContain("31232");
    }
  });

  it("old Xã Phú Tân (Châu Thành, Hậu Giang) → only Xã Phú Hữu; the Sóc Trăng one → Thuận Hòa", () => {
    expect(codes(places.resolve("xa phu tan chau thanh hau giang"))).toEqual(["31378"]);
    expect(top("xa phu tan, chau thanh, soc trang")).toMatchObject({ code: "31582", matchedVia: "former_unit" });
    expect(codes(places.resolve("xa phu tan chau thanh hau giang"))).not.toContain("31582");
  });

  it("old Xã Thạnh An (Vĩnh Thạnh) → Xã Thạnh Quới; the new Xã Thạnh An is listed by name", () => {
    const found = places.resolve("xa thanh an huyen vinh thanh");
    expect(found.find((c) => c.code === "31246")).toMatchObject({
      matchedVia: "former_unit",
      formerName: "Xã Thạnh An (Huyện Vĩnh Thạnh, Thành phố Cần Thơ)",
      score: 1,
    });
    expect(found.find((c) => c.code === "31231")).toMatchObject({ matchedVia: "name" });
    expect(found.find((c) => c.code === "31246")?.formerPartial).toBeUndefined();
  });

  it("old Xã Hưng Phú (Mỹ Tú) → Xã Long Hưng, not Phường Hưng Phú", () => {
    const found = places.resolve("xa hung phu my tu");
    expect(found[0]).toMatchObject({ code: "31579", matchedVia: "former_unit" });
    expect(codes(found)).not.toContain("31201");
  });
});

describe("provinceByName", () => {
  it.each([
    ["Cần Thơ", "92", "name"],
    ["tp can tho", "92", "name"],
    ["thanh hoa", "38", "name"],
    ["Khánh Hòa", "56", "name"],
    ["sai gon", "79", "name"],
    ["tinh soc trang", "92", "former_province"],
    ["hau giang", "92", "former_province"],
    ["bac lieu", "96", "former_province"],
    ["can thoo", "92", "name"],
  ])("%s → %s via %s", (text, code, matchedVia) => {
    expect(places.provinceByName(text)).toMatchObject({ code, matchedVia });
  });

  it("says which old province was named", () => {
    expect(places.provinceByName("Sóc Trăng")?.formerName).toBe("Tỉnh Sóc Trăng");
  });

  it("returns undefined for unknown names", () => {
    expect(places.provinceByName("California")).toBeUndefined();
  });
});

describe("communeByCode", () => {
  it("returns the commune with its former units", () => {
    const commune = places.communeByCode("31777");
    expect(commune).toMatchObject({ name: "Xã Vĩnh Lợi", provinceCode: "92", provinceName: "Thành phố Cần Thơ" });
    expect(commune?.formerUnits.map((u) => u.code)).toEqual(["31771", "31777", "31780"]);
  });

  it("covers every province, without former units outside Cần Thơ", () => {
    expect(places.communeByCode("00004")).toMatchObject({ name: "Phường Ba Đình", formerUnits: [] });
    expect(places.communeByCode("99999")).toBeUndefined();
  });
});

describe("bounded work", () => {
  it("resolves 1,000 varied queries", () => {
    const samples = [
      "vinh loi",
      "phuong 5 soc trang",
      "Xã Vĩnh Thành, Thạnh Trị, Sóc Trăng",
      "my xuyen",
      "ap 3 xa hoa tu 2 huyen my xuyen tinh soc trang",
    ];
    let answered = 0;
    for (let i = 0; i < 1000; i++) {
      if (places.resolve(`${samples[i % samples.length]} ${i % 3 === 0 ? "x" : ""}`).length > 0) answered++;
    }
    expect(answered).toBe(1000);
  });
});
