import { describe, expect, it } from "vitest";
import { alternativesOf, namesBoth } from "../../../src/knowledge/answer/alternatives.js";

describe("either-or questions", () => {
  it("reads the two options, without the words linking them to the question", () => {
    expect(alternativesOf("lời HTX chia theo vốn hay theo công vậy")).toEqual(["von", "cong"]);
    expect(alternativesOf("gop von bang tien hay bang may cay")).toEqual(["tien", "may cay"]);
  });

  it("finds no options in a yes/no question", () => {
    expect(alternativesOf("vay duoc hay khong")).toBeNull();
    expect(alternativesOf("con tui vo htx dc ko hay phai doi du tuoi")).toBeNull();
    expect(alternativesOf("htx can may nguoi")).toBeNull();
  });

  it("knows a passage naming both options from one naming one", () => {
    const options = alternativesOf("chia theo vốn hay theo công")!;
    expect(namesBoth("Chia tối thiểu 51% theo mức góp công, phần còn lại theo vốn góp.", options)).toBe(true);
    expect(namesBoth("Phần còn lại chia theo tỷ lệ vốn góp.", options)).toBe(false);
  });
});
