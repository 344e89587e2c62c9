import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeService } from "../../../src/knowledge/answer/knowledge-service.js";
import type { fixtureKnowledge } from "../knowledge-dir.js";
import { citeLaw2023, knowledgeWithGuide } from "../knowledge-dir.js";

/** A provincial report about the province's cooperative fund, long, next to the law naming who sets such funds up. */
const GUIDE = `---
title: Quỹ hỗ trợ phát triển HTX
topic: quy-htx
---

## Quỹ hỗ trợ phát triển HTX cấp tỉnh do ai thành lập?
${citeLaw2023("29")}

Quỹ hỗ trợ phát triển HTX có ở Trung ương và ở cấp tỉnh. Quỹ cấp tỉnh do Ủy ban nhân dân cấp tỉnh quyết định thành lập (khoản 2 Điều 29 Luật HTX 2023).

## Ở Sóc Trăng cũ, Quỹ hỗ trợ phát triển HTX đã cho vay bao nhiêu?
<!-- cite
doc: "Báo cáo Sóc Trăng 1 năm thực hiện NQ 20-NQ/TW (2023)"
doc_title: Sóc Trăng sau 1 năm đổi mới kinh tế tập thể
article: null
status: outdated_in_part
note: "Số liệu năm 2023 của tỉnh Sóc Trăng cũ"
-->

Theo bài tổng kết của tỉnh Sóc Trăng, Quỹ hỗ trợ phát triển HTX tỉnh Sóc Trăng đã cho 11 HTX vay lãi suất thấp, tổng dư nợ trên 4,5 tỷ đồng. Ủy ban nhân dân tỉnh Sóc Trăng giao Liên minh HTX tỉnh làm đề án chuyển Quỹ hỗ trợ phát triển HTX sang mô hình công ty do Nhà nước giữ 100% vốn. Quỹ hỗ trợ phát triển HTX tỉnh Sóc Trăng do Liên minh HTX tỉnh theo dõi, hằng năm báo cáo Ủy ban nhân dân tỉnh về số HTX được vay. Trong năm, tỉnh Sóc Trăng tổ chức hội nghị giới thiệu Quỹ hỗ trợ phát triển HTX cho các HTX ở các huyện, thị xã.
`;

let kb: ReturnType<typeof fixtureKnowledge>;
let service: KnowledgeService;

beforeAll(async () => {
  ({ kb, service } = await knowledgeWithGuide("quy-htx", "quy-htx.md", GUIDE));
});
afterAll(() => kb.cleanup());

describe("a question about who runs a fund, asked about the province", () => {
  it("is answered by the law naming the body, not by the province's report", async () => {
    const result = await service.answer("quỹ hỗ trợ phát triển htx tỉnh sóc trăng ai quản lý vậy");
    expect(result.sources[0]?.article).toBe("29");
    expect(result.answer).toContain("Ủy ban nhân dân cấp tỉnh");
  });

  it("still gets the report for the province's figures, quoted briefly", async () => {
    const result = await service.answer("o soc trang quy ho tro phat trien htx cho vay duoc bao nhieu htx");
    expect(result.sources[0]?.article).toBeNull();
    expect(result.answer.split("\n")[0]!.length).toBeLessThanOrEqual(300);
  });
});
