import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeService } from "../../../src/knowledge/answer/knowledge-service.js";
import {
  figureShare,
  holdsStatedFigure,
  ownFigures,
  statedFigures,
} from "../../../src/knowledge/answer/stated-figure.js";
import { profileQuestion } from "../../../src/knowledge/retrieval/coverage.js";
import { CorpusStats } from "../../../src/knowledge/retrieval/corpus-stats.js";
import { searchTerms } from "../../../src/knowledge/text/search-terms.js";
import { citeLaw2023 as cite, knowledgeWithGuide, type fixtureKnowledge } from "../knowledge-dir.js";

describe("figures the asker states about their case", () => {
  it("reads figures with their unit, people counted as members too", () => {
    expect(statedFigures("con tui 16 tuổi, tổ mới được 8 thang, có 3 thành viên")).toEqual([
      { value: 16, unit: "tuoi" },
      { value: 8, unit: "thang" },
      { value: 3, unit: "nguoi" },
    ]);
    expect(statedFigures("Điều 30 nói gì")).toEqual([]);
  });

  it("finds a range holding the figure, in the same unit only", () => {
    const sixteen = statedFigures("16 tuoi");
    expect(holdsStatedFigure("Người từ đủ 15 đến dưới 18 tuổi được làm thành viên liên kết", sixteen)).toBe(true);
    expect(holdsStatedFigure("con em 15–17 tuổi có thể tham gia", sixteen)).toBe(true);
    expect(holdsStatedFigure("Phải từ đủ 18 tuổi", sixteen)).toBe(false);
    expect(holdsStatedFigure("từ 15 đến 18 tháng", sixteen)).toBe(false);
  });

  it("takes ages and periods as the asker's own case, not counts of people or sums of money", () => {
    const stated = statedFigures("con tui 16 tuổi, nhà 3 người, nợ 400 triệu, vô được 8 tháng");
    expect(ownFigures(stated)).toEqual([
      { value: 16, unit: "tuoi" },
      { value: 8, unit: "thang" },
    ]);
  });

  it("weighs the terms naming the figure that a section lacks", () => {
    const stats = new CorpusStats([searchTerms("từ đủ 15 đến dưới 18 tuổi"), searchTerms("hợp tác xã")]);
    const profile = profileQuestion("con tui 16 tuoi", stats);
    const figure = statedFigures("16 tuoi");
    const share = figureShare(profile, figure, new Set(searchTerms("từ đủ 15 đến dưới 18 tuổi")));
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(1);
    expect(figureShare(profile, figure, new Set(searchTerms("con tôi 16 tuổi")))).toBe(0);
  });
});

/** The age rule next to the size classes of Điều 16: the asker's "16 tuổi" is an age, not that article. */
const GUIDE = `---
title: Thành viên
topic: thanh-vien-tuoi
---

## Bao nhiêu tuổi thì được vào HTX?
${cite("30")}

Phải từ đủ 18 tuổi mới được làm thành viên chính thức. Người từ đủ 15 đến dưới 18 tuổi chỉ được làm thành viên liên kết không góp vốn.

## Hợp tác xã được chia loại như thế nào?
${cite("16")}

HTX được chia thành 4 loại: siêu nhỏ, nhỏ, vừa và lớn, theo số thành viên và doanh thu.

## Thành viên được chia lãi thế nào?
${cite("87")}

Thu nhập được chia chủ yếu theo mức độ sử dụng dịch vụ và công sức lao động của thành viên.
`;

describe("an answer to the asker's stated age", () => {
  let kb: ReturnType<typeof fixtureKnowledge>;
  let service: KnowledgeService;

  beforeAll(async () => {
    ({ kb, service } = await knowledgeWithGuide("thanh-vien-tuoi", "tuoi.md", GUIDE));
  });
  afterAll(() => kb.cleanup());

  it("is the rule whose range holds the age, ranked above the article numbered like the age", async () => {
    const result = await service.answer("con nho 16 tuoi vo htx duoc hong");
    expect(result.answer).toContain("từ đủ 15 đến dưới 18 tuổi");
    expect(result.answer).not.toContain("siêu nhỏ");
    expect(result.sources[0]).toMatchObject({ article: "30", score: 1 });
  });

  it("is said without a hedge: the age the range holds counts as found", async () => {
    const result = await service.answer("thang con nho nha tui nam nay 16 tuoi roi, cho no vo htx duoc hong");
    expect(result.hedged).toBe(false);
    expect(result.answer).toContain("từ đủ 15 đến dưới 18 tuổi");
  });
});
