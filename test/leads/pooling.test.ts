import { describe, expect, it } from "vitest";
import { poolsReachingMinimum } from "../../src/leads/pooling.js";
import { HTX_MIN_MEMBERS } from "../../src/leads/purposes.js";
import { aLead } from "./fixtures.js";

const none = new Set<string>();

describe("poolsReachingMinimum", () => {
  it("uses the legal minimum of 5 official members (Luật HTX 2023 Điều 4 khoản 7)", () => {
    expect(HTX_MIN_MEMBERS).toBe(5);
  });

  it("finds a commune + sector group whose members add up to 5", () => {
    const leads = [
      aLead({ reference: "HTX-AAAAA", members: 2 }),
      aLead({ reference: "HTX-BBBBB", members: 3, sector: { id: "lua", text: "Trồng lúa" } }),
    ];
    expect(poolsReachingMinimum(leads, none)).toEqual([
      {
        key: "31777|lua",
        communeCode: "31777",
        communeName: "Xã Vĩnh Lợi",
        sector: { id: "lua", text: "lúa" },
        leadReferences: ["HTX-AAAAA", "HTX-BBBBB"],
        prospectiveMembers: 5,
      },
    ]);
  });

  it("does not pool below the minimum, across communes or across sectors", () => {
    const place = { code: "31717", name: "Xã Hòa Tú", provinceCode: "92", provinceName: "Thành phố Cần Thơ" };
    const leads = [
      aLead({ members: 2 }),
      aLead({ members: 2, place }),
      aLead({ members: 2, sector: { id: "thuy_san", text: "tôm" } }),
      aLead({ members: 2 }),
    ];
    expect(poolsReachingMinimum(leads, none)).toEqual([]);
  });

  it("groups free-text sectors by their folded text", () => {
    const leads = [
      aLead({ members: 3, sector: { id: "other", text: "Nuôi ếch" } }),
      aLead({ members: 2, sector: { id: "other", text: "nuoi ech" } }),
    ];
    expect(poolsReachingMinimum(leads, none).map((p) => p.key)).toEqual(["31777|other:nuoi ech"]);
  });

  it("notifies once: already-notified pools are left out", () => {
    const leads = [aLead({ members: 5 })];
    expect(poolsReachingMinimum(leads, none)).toHaveLength(1);
    expect(poolsReachingMinimum(leads, new Set(["31777|lua"]))).toEqual([]);
  });

  it("counts only open leads that want to found a group", () => {
    const leads = [
      aLead({ members: 4, purpose: "join_htx" }),
      aLead({ members: 4, purpose: "found_union" }),
      aLead({ members: 4, status: "closed" }),
      aLead({ members: 4, status: "founded" }),
      aLead({ members: 1, purpose: "found_tht", status: "contacted" }),
      aLead({ members: 3 }),
    ];
    expect(poolsReachingMinimum(leads, none)).toEqual([]);
    expect(poolsReachingMinimum([...leads, aLead({ members: 1 })], none)[0]?.prospectiveMembers).toBe(5);
  });

  it("lists the largest pools first", () => {
    const leads = [aLead({ members: 5 }), aLead({ members: 9, sector: { id: "thuy_san", text: "tôm" } })];
    expect(poolsReachingMinimum(leads, none).map((p) => p.prospectiveMembers)).toEqual([9, 5]);
  });
});
