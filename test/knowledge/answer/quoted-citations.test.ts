import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeService } from "../../../src/knowledge/answer/knowledge-service.js";
import type { fixtureKnowledge } from "../knowledge-dir.js";
import { knowledgeWithGuide } from "../knowledge-dir.js";

/** A guide section filed under a law article that also states a decree's deadline, citing it inline. */
const GUIDE = `---
title: Đăng ký
topic: dang-ky
---

## Nộp hồ sơ rồi bao lâu thì có giấy chứng nhận?
<!-- cite
- doc: 17/2023/QH15
  doc_title: Luật Hợp tác xã 2023
  article: "42"
  clause: "4"
  status: in_force
- doc: 92/2024/NĐ-CP
  doc_title: Nghị định 92/2024 về đăng ký tổ hợp tác, HTX
  article: "19"
  clause: "6"
  status: in_force
-->

Trong 03 ngày làm việc kể từ ngày nhận hồ sơ, cơ quan đăng ký kinh doanh cấp Giấy chứng nhận đăng ký HTX (khoản 4 Điều 42 Luật HTX 2023). Cơ quan đăng ký kinh doanh báo bằng văn bản khi hồ sơ chưa hợp lệ.

Khi bị yêu cầu sửa, bổ sung hồ sơ, HTX có 60 ngày để nộp lại; quá hạn thì hồ sơ bị hủy (khoản 6 Điều 19 Nghị định 92/2024).
`;

let kb: ReturnType<typeof fixtureKnowledge>;
let service: KnowledgeService;

beforeAll(async () => {
  ({ kb, service } = await knowledgeWithGuide("dang-ky", "dang-ky.md", GUIDE));
});
afterAll(() => kb.cleanup());

const sourceLine = (answer: string) => answer.split("\n").find((line) => line.startsWith("Nguồn:")) ?? "";

describe("the source line of a quote from a guide", () => {
  it("names the decree a quoted fact is taken from, not only the law article the section is filed under", async () => {
    const result = await service.answer("ho so bi yeu cau sua bo sung thi co may ngay de nop lai");
    expect(result.answer).toContain("60 ngày");
    expect(sourceLine(result.answer)).toContain("khoản 6 Điều 19, Nghị định 92/2024");
  });

  it("names the section's own article when the quote cites it", async () => {
    const result = await service.answer("nop ho so bao lau thi co giay chung nhan");
    expect(sourceLine(result.answer)).toMatch(/^Nguồn: khoản 4 Điều 42, Luật Hợp tác xã 2023/);
  });
});
