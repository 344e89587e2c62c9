import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeService } from "../../../src/knowledge/answer/knowledge-service.js";
import { translator } from "../../../src/i18n/translate.js";
import type { fixtureKnowledge } from "../knowledge-dir.js";
import { citeLaw2023 as cite, knowledgeWithGuide } from "../knowledge-dir.js";

const t = translator();

/**
 * A guide whose "how much" section has no figure (the charter decides) next to one with a deadline,
 * and a membership rule that mentions fields in passing next to the land rule.
 */
const GUIDE = `---
title: Góp vốn
topic: gop-von
---

## Góp ít nhất bao nhiêu vốn thì được vào HTX?
${cite("40")}

Luật không ấn định số tiền góp vốn tối thiểu; Điều lệ của từng HTX quy định mức góp vốn tối thiểu.

## Thời hạn góp đủ vốn vào HTX là bao lâu?
${cite("74")}

Chậm nhất 06 tháng kể từ ngày HTX được cấp giấy chứng nhận đăng ký thì phải góp đủ vốn.

## Vô HTX rồi thì thành viên phải làm gì?
${cite("30")}

Thành viên từ đủ 18 tuổi góp vốn, dùng dịch vụ, làm theo Điều lệ; nhiều HTX nhận người ở trong vùng, có ruộng, có ao nuôi.

## Góp bằng đất thì có mất đất không?
${cite("76")}

Tùy cách góp. Nếu góp bằng chính quyền sử dụng đất thì phải sang tên cho HTX.

## Đại hội biểu quyết giải thể HTX cần bao nhiêu phiếu?
${cite("61")}

Đại hội biểu quyết giải thể HTX phải có ít nhất 65% phiếu tán thành.

## Giải thể tự nguyện HTX làm những bước nào?
${cite("98")}

Đại hội thông qua nghị quyết giải thể. Trong 07 ngày làm việc, người đại diện gửi nghị quyết cho cơ quan đăng ký.

## Trích quỹ chung không chia khi nào?
${cite("84")}

HTX trích quỹ chung không chia mỗi năm, chậm nhất 30 ngày sau khi quyết toán thu nhập.

## Quỹ chung không chia trích mức nào?
${cite("84")}

Quỹ chung không chia được trích không thấp hơn 5% thu nhập từ giao dịch bên ngoài.
`;

let kb: ReturnType<typeof fixtureKnowledge>;
let service: KnowledgeService;

beforeAll(async () => {
  ({ kb, service } = await knowledgeWithGuide("gop-von", "gop-von.md", GUIDE));
});
afterAll(() => kb.cleanup());

describe("the passage that answers", () => {
  it("is answered by the section written for it even when the answer is that no figure is set", async () => {
    const result = await service.answer("htx thi phai gop von bao nhieu");
    expect(result.answer).toContain("Điều lệ của từng HTX quy định");
    expect(result.answer).not.toContain("06 tháng");
  });

  it("reads 'vay vốn' as a loan, not as a loan and capital", async () => {
    const result = await service.answer("vay von co can the chap khong");
    expect(result.hedged).toBeFalsy();
    expect(result.sources[0]).toMatchObject({ doc: "55/2015/NĐ-CP" });
  });

  it("answers 'bao lâu' from a close passage with a period, not from the best one whose only figure is a share", async () => {
    const result = await service.answer("dai hoi bieu quyet giai the roi thi bao lau phai gui nghi quyet");
    expect(result.answer).toContain("07 ngày làm việc");
  });

  it("answers 'bao nhiêu phần trăm' from a close passage with a share, not from the best one whose figure is a period", async () => {
    const result = await service.answer("htx trich quy chung khong chia bao nhieu phan tram");
    expect(result.answer).toContain("5%");
  });

  it("answers a land question with the land passage first, not the membership rule mentioning fields", async () => {
    const result = await service.answer("vo htx roi dat ruong cua tui co bi lay luon hong");
    const firstPassage = result.answer.split("\n").find((line) => line !== t("ask-not-sure"));
    expect(firstPassage).toContain("sang tên");
  });
});
