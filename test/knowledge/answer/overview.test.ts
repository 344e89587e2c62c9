import { describe, expect, it } from "vitest";
import { preferOverview } from "../../../src/knowledge/answer/overview.js";
import { questionWants } from "../../../src/knowledge/answer/passage.js";
import type { SearchHit } from "../../../src/knowledge/retrieval/knowledge-index.js";
import type { Section } from "../../../src/knowledge/types.js";

const hit = (heading: string, text: string, score: number): SearchHit => ({
  section: { id: heading, heading, text, keywords: [] as string[] } as Section,
  coverage: 0.5,
  score,
});

const farm = hit("Chủ trang trại vay tín chấp được bao nhiêu?", "Chủ trang trại vay tín chấp tối đa 03 tỷ đồng.", 1);
const purpose = hit("Làm nông nghiệp hữu cơ thì vay được bao nhiêu?", "Được vay tối đa 70% giá trị phương án.", 0.9);
const overview = hit(
  "Vay không thế chấp được tối đa bao nhiêu?",
  "Mức vay tối đa: 300 triệu đồng cho cá nhân, hộ gia đình; 500 triệu đồng cho hộ kinh doanh; 03 tỷ đồng cho chủ trang trại.",
  0.6,
);
const ask = (question: string, hits: SearchHit[]) => preferOverview(question, questionWants(question), hits)[0];

describe("preferOverview", () => {
  it("answers a loan figure asked without saying who borrows from the passage giving each kind's figure", () => {
    expect(ask("vay von duoc bao nhieu vay", [farm, purpose, overview])).toBe(overview);
    expect(ask("vay được nhiêu", [purpose, farm, overview])).toBe(overview);
  });

  it("keeps the asker's own kind when the question names it", () => {
    expect(ask("chu trang trai vay duoc bao nhieu", [farm, purpose, overview])).toBe(farm);
    expect(ask("htx vay duoc bao nhieu", [farm, overview])).toBe(farm);
  });

  it("leaves questions that want no figure, and overviews far behind, alone", () => {
    expect(ask("vay von co can the chap khong", [farm, overview])).toBe(farm);
    expect(ask("vay duoc bao nhieu", [farm, { ...overview, score: 0.3 }])).toBe(farm);
  });
});
