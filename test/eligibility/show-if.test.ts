import { describe, expect, it } from "vitest";
import { evaluateProgrammes, loadProgrammes } from "../../src/eligibility/index.js";

const rules = loadProgrammes("knowledge/programmes");
const AS_OF = new Date("2026-03-01T12:00:00+07:00");
const shown = (interest?: string) =>
  evaluateProgrammes(rules, interest ? { interest } : {}, AS_OF)
    .map((r) => r.id)
    .sort();

describe("show_if", () => {
  it("shows only the loan programmes, ended ones included, to a farmer asking about loans", () => {
    expect(shown("loan")).toEqual([
      "ho-tro-lai-suat-2pct",
      "ngan-hang-chinh-sach-xa-hoi",
      "quy-ho-tro-nong-dan",
      "quy-ho-tro-phat-trien-htx",
      "tin-dung-55",
    ]);
  });

  it("shows state support, or social insurance, to those asking about it", () => {
    expect(shown("support")).toEqual(["de-an-htx-kieu-moi-167", "ho-tro-nha-nuoc-htx"]);
    expect(shown("insurance")).toEqual(["bhxh-tu-nguyen-thanh-vien-htx"]);
  });

  it("shows everything when asked for everything or when the farmer does not say", () => {
    const all = rules.programmes.map((p) => p.id).sort();
    expect(shown("everything")).toEqual(all);
    expect(shown()).toEqual(all);
    expect(
      evaluateProgrammes(rules, { interest: "unknown" }, AS_OF)
        .map((r) => r.id)
        .sort(),
    ).toEqual(all);
  });
});
