import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeService } from "../../../src/knowledge/answer/knowledge-service.js";
import { twoParts } from "../../../src/knowledge/answer/two-part.js";
import { translator } from "../../../src/i18n/translate.js";
import { citeLaw2023 as cite, knowledgeWithGuide, type fixtureKnowledge } from "../knowledge-dir.js";

const t = translator();

describe("twoParts", () => {
  it("splits 'A, còn B thì sao' and asks B with A's topic, B's organisation replacing A's", () => {
    const parts = twoParts("HTX cần mấy người, còn tổ hợp tác thì sao?");
    expect(parts?.asked).toEqual(["HTX cần mấy người", "tổ hợp tác thì sao?"]);
    expect(parts?.searched[1]).toContain("can bao nhieu nguoi");
    expect(parts?.searched[1]).not.toContain("hop tac xa");
  });

  it("splits at 'với lại', at a second question mark and at a comma between two questions", () => {
    expect(twoParts("Vay ngân hàng được bao nhiêu với lại lãi suất mấy phần trăm?")?.asked).toEqual([
      "Vay ngân hàng được bao nhiêu",
      "lãi suất mấy phần trăm?",
    ]);
    expect(twoParts("Giải thể HTX cần bao nhiêu phiếu? Tiền góp có được trả lại không?")?.asked[1]).toBe(
      "Tiền góp có được trả lại không?",
    );
    const comma = twoParts("ban kiem soat htx toi da may nguoi, nhiem ky may nam");
    expect(comma?.asked).toEqual(["ban kiem soat htx toi da may nguoi", "nhiem ky may nam"]);
    // "nhiệm kỳ mấy năm" alone names no board: the first part's topic goes with it.
    expect(comma?.searched[1]).toContain("ban kiem soat");
  });

  it("asks a second part naming a subject of its own without the first's topic, keeping who the first is about", () => {
    // A capital question's topic would pull "how often does the general meeting meet" back to capital.
    const meeting = twoParts("gop von toi da bao nhieu?dai hoi bao lau hop 1 lan?");
    expect(meeting?.asked).toEqual(["gop von toi da bao nhieu", "dai hoi bao lau hop 1 lan?"]);
    expect(meeting?.searched[1]).toBe("dai hoi bao lau hop 1 lan?");
    const union = twoParts("liên hiệp HTX cần mấy thành viên, còn vốn góp tối đa bao nhiêu?");
    expect(union?.searched[1]).toContain("lien hiep");
    expect(union?.searched[1]).not.toContain("thanh vien");
  });

  it("keeps one question whole: a stated fact, a negated question word, an either-or, one question mark", () => {
    expect(twoParts("con tui 16 tuổi, vô HTX được hông?")).toBeNull();
    expect(twoParts("Ông giám đốc đi mấy tháng nay mà hổng ủy quyền cho ai hết. HTX phải làm sao?")).toBeNull();
    expect(twoParts("HTX có được từ chối người vì là phụ nữ hay theo đạo khác không?")).toBeNull();
    expect(twoParts("Quyền và nghĩa vụ của thành viên HTX là gì?")).toBeNull();
  });

  it("asks a second part naming a situation of its own about the first's topic, not its question", () => {
    const late = twoParts("gop von bao lau phai gop du, tre han thi sao");
    expect(late?.asked).toEqual(["gop von bao lau phai gop du", "tre han thi sao"]);
    expect(late?.searched[1]).toContain("gop von");
    expect(late?.searched[1]).not.toContain("bao lau");
    expect(late?.quoted).toEqual(["gop von bao lau phai gop du", "tre han thi sao"]);
    // Another organisation asks the same question: it is carried, and quoted by.
    const union = twoParts("HTX cần mấy người, còn tổ hợp tác thì sao?");
    expect(union?.quoted[1]).toBe(union?.searched[1]);
  });
});

/** Two rules of one topic, the second a close neighbour of the first, and an overview naming two organisations. */
const GUIDE = `---
title: Góp vốn và hỗ trợ
topic: gop-von-ho-tro
---

## Thời hạn góp đủ vốn là bao lâu?
${cite("74")}

Chậm nhất 06 tháng kể từ ngày HTX được cấp giấy chứng nhận đăng ký thì thành viên phải góp đủ vốn đã cam kết.

## Quá hạn mà chưa góp đủ vốn thì sao?
<!-- cite
doc: 17/2023/QH15
doc_title: Luật Hợp tác xã 2023
article: "74"
clause: "6"
effective: 2024-07-01
status: in_force
keywords: [tre han gop von, chua gop du]
-->

Hết hạn mà chưa góp hoặc góp thấp hơn mức tối thiểu của Điều lệ thì bị chấm dứt tư cách thành viên.

## Nhà nước hỗ trợ tổ hợp tác, hợp tác xã những gì?
${cite("17")}

Tổ hợp tác, hợp tác xã được Nhà nước hỗ trợ đào tạo, đất đai, vốn, thuế và xúc tiến thương mại.

## Tổ hợp tác muốn được Nhà nước hỗ trợ cần điều kiện gì?
${cite("18")}

Tổ hợp tác được hưởng hỗ trợ khi có giấy chứng nhận đăng ký tổ hợp tác và phát triển thành viên.
`;

describe("a two-part message whose parts find the same passage first", () => {
  let kb: ReturnType<typeof fixtureKnowledge>;
  let service: KnowledgeService;

  beforeAll(async () => {
    ({ kb, service } = await knowledgeWithGuide("gop-von-ho-tro", "gop-von-ho-tro.md", GUIDE));
  });
  afterAll(() => kb.cleanup());

  it("answers the second part from the close passage holding what it adds, each part cited", async () => {
    const result = await service.answer("gop von bao lau phai gop du, tre han thi sao");
    expect(result.answer).toContain(t("ask-part", { part: "tre han thi sao" }));
    expect(result.answer).toContain("06 tháng");
    expect(result.answer).toContain("bị chấm dứt tư cách thành viên");
    expect(result.answer.match(/Nguồn:/g)).toHaveLength(2);
  });

  it("answers 'còn tổ hợp tác thì sao' from the passage about that organisation alone", async () => {
    const result = await service.answer("htx duoc nha nuoc ho tro gi, con to hop tac thi sao");
    expect(result.answer).toContain(t("ask-part", { part: "to hop tac thi sao" }));
    expect(result.answer).toContain("giấy chứng nhận đăng ký tổ hợp tác");
  });
});
