import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeService } from "../../../src/knowledge/answer/knowledge-service.js";
import type { fixtureKnowledge } from "../knowledge-dir.js";
import { citeLaw2023 as cite, knowledgeWithGuide } from "../knowledge-dir.js";

/** The director's duties, naming the director throughout, next to who may be director. */
const GUIDE = `---
title: Bộ máy
topic: bo-may
---

## Giám đốc HTX làm gì hằng ngày?
${cite("68")}

Giám đốc điều hành công việc hằng ngày của HTX. Giám đốc ký hợp đồng, tuyển lao động và báo cáo Hội đồng quản trị. Giám đốc HTX có nhiệm kỳ tối đa 05 năm.

## Ai không được làm Giám đốc?
${cite("62")}

Người làm Giám đốc phải là thành viên chính thức, trừ khi HTX thuê người ngoài. Người đó không được là vợ, chồng, cha, mẹ, con của kiểm soát viên.
`;

let kb: ReturnType<typeof fixtureKnowledge>;
let service: KnowledgeService;

beforeAll(async () => {
  ({ kb, service } = await knowledgeWithGuide("bo-may", "bo-may.md", GUIDE));
});
afterAll(() => kb.cleanup());

describe("a question asking for requirements", () => {
  it("is answered by the passage stating them, not by one sharing more of its words", async () => {
    const result = await service.answer("giam doc htx can bang cap gi");
    expect(result.sources[0]?.article).toBe("62");
    expect(result.answer).toContain("phải là thành viên chính thức");
  });

  it("leaves other questions about the same person to the passage sharing their words", async () => {
    const result = await service.answer("giam doc htx lam gi hang ngay");
    expect(result.sources[0]?.article).toBe("68");
  });
});
