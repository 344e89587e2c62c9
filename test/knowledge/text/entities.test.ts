import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeService } from "../../../src/knowledge/answer/knowledge-service.js";
import { citeLaw2023, knowledgeWithGuide, type fixtureKnowledge } from "../knowledge-dir.js";
import {
  entityFactor,
  namedEntities,
  NARROWER,
  OTHER_ENTITY,
  sectionEntities,
  UNNAMED,
} from "../../../src/knowledge/text/entities.js";

const named = (text: string) =>
  Object.fromEntries([...namedEntities(text)].map(([group, ids]) => [group, [...ids].sort()]));
const factor = (question: string, heading: string, topic: string | null = null) =>
  entityFactor(namedEntities(question), sectionEntities(heading, topic));

describe("namedEntities", () => {
  it("finds organisations with and without diacritics or abbreviations", () => {
    expect(named("Tổ hợp tác ít nhất mấy người?")).toEqual({ org: ["to-hop-tac"] });
    expect(named("tht can may nguoi")).toEqual({ org: ["to-hop-tac"] });
    expect(named("HTX cần mấy người")).toEqual({ org: ["hop-tac-xa"] });
    expect(named("Tổ hợp tác chuyển lên HTX")).toEqual({ org: ["hop-tac-xa", "to-hop-tac"] });
  });

  it("prefers the longest name: a fund or a union is not a cooperative", () => {
    expect(named("Vay Quỹ hỗ trợ phát triển hợp tác xã")).toEqual({ lender: ["quy-htx"] });
    expect(named("vay quy htx")).toEqual({ lender: ["quy-htx"] });
    expect(named("Quỹ nông dân cho vay")).toEqual({ lender: ["quy-nong-dan"] });
    expect(named("liên hiệp HTX")).toEqual({ org: ["lien-hiep"] });
  });

  it("finds kinds of borrowers, but not in 'dữ liệu cá nhân'", () => {
    expect(named("Chủ trang trại vay tín chấp")).toEqual({ person: ["chu-trang-trai"] });
    expect(named("Hộ tui làm ruộng")).toEqual({ person: ["ho-gia-dinh"] });
    expect(named("Dữ liệu cá nhân là gì?")).toEqual({});
  });
});

describe("entityFactor", () => {
  it("demotes sections about another entity than the question names", () => {
    expect(factor("tổ hợp tác ít nhất mấy người", "Lập hợp tác xã cần ít nhất mấy người?")).toBe(OTHER_ENTITY);
    expect(factor("tổ hợp tác ít nhất mấy người", "Tổ hợp tác là gì, cần mấy người?")).toBe(1);
    expect(factor("tổ hợp tác ít nhất mấy người", "Tổ hợp tác khác hợp tác xã chỗ nào?")).toBe(1);
  });

  it("prefers the overview for a generic question and the specific section for a specific one", () => {
    expect(factor("vay không thế chấp được bao nhiêu", "Chủ trang trại vay tín chấp được bao nhiêu?")).toBe(NARROWER);
    expect(
      factor("vay không thế chấp được bao nhiêu", "Vay không cần thế chấp (tín chấp) được tối đa bao nhiêu?"),
    ).toBe(1);
    expect(factor("tổ hợp tác vay tín chấp", "Tổ hợp tác, hộ kinh doanh vay tín chấp được bao nhiêu?")).toBe(1);
    expect(factor("tổ hợp tác vay tín chấp", "Vay không cần thế chấp (tín chấp) được tối đa bao nhiêu?")).toBe(UNNAMED);
  });

  it("treats cooperatives and bank loans as what an unnamed question is about", () => {
    expect(factor("góp vốn quá hạn thì sao", "Quá hạn mà chưa góp đủ vốn thì sao?", "Góp vốn vào hợp tác xã")).toBe(1);
    expect(
      factor("vay có cần thế chấp không", "Vay không thế chấp có phải nộp sổ đỏ?", "Vay vốn nông nghiệp, nông thôn"),
    ).toBe(1);
    expect(
      factor("vay có cần thế chấp không", "Vay Quỹ HTX có phải thế chấp không?", "Quỹ hỗ trợ phát triển hợp tác xã"),
    ).toBe(NARROWER);
  });

  it("uses the guide title when the heading names no entity", () => {
    expect(
      factor(
        "quỹ nông dân vay có cần thế chấp",
        "Vay không thế chấp có phải nộp sổ đỏ?",
        "Vay vốn nông nghiệp, nông thôn",
      ),
    ).toBe(OTHER_ENTITY);
    expect(factor("tổ hợp tác góp vốn", "Quá hạn mà chưa góp đủ vốn thì sao?", "Góp vốn vào hợp tác xã")).toBe(
      OTHER_ENTITY,
    );
  });
});

describe("a cooperative lending to its members", () => {
  it("is a lender of its own, not a bank", () => {
    expect(named("htx cho thanh vien vay bao lau")).toEqual({ org: ["hop-tac-xa"], lender: ["noi-bo"] });
    expect(named("vay tiền HTX được bao nhiêu")).toEqual({ lender: ["noi-bo"] });
    expect(named("Điều 83. Hoạt động cho vay nội bộ trong hợp tác xã")).toEqual({
      org: ["hop-tac-xa"],
      lender: ["noi-bo"],
    });
    // A cooperative borrowing from a bank is still a bank loan.
    expect(named("htx vay ngan hang duoc bao nhieu")).toEqual({ org: ["hop-tac-xa"], lender: ["ngan-hang"] });
    const bankTerms = ["Lãi suất và thời hạn vay là bao nhiêu?", "Vay vốn nông nghiệp, nông thôn"] as const;
    expect(factor("htx cho xa vien vay bao lau", ...bankTerms)).toBe(OTHER_ENTITY);
    expect(factor("htx cho xa vien vay bao lau", "HTX có được cho thành viên vay tiền không?")).toBe(1);
  });

  const GUIDE = `---
title: Vay vốn nông nghiệp, nông thôn
topic: vay-nong-nghiep
---

## Lãi suất và thời hạn vay là bao nhiêu?
<!-- cite
doc: 55/2015/NĐ-CP
doc_title: Nghị định về tín dụng nông nghiệp, nông thôn
article: "11"
effective: 2015-07-25
status: in_force
keywords: [lai suat, thoi han vay, vay bao lau, ky han]
-->

Chúng tôi chưa có con số. Lãi suất thực tế do từng ngân hàng công bố. Thời hạn vay thường tính theo chu kỳ sản xuất (vụ lúa, vụ tôm, cây lâu năm). Bà con hỏi ngân hàng.

## HTX có được cho thành viên vay tiền không?
${citeLaw2023("83")}

Được, nhưng có điều kiện. HTX chỉ cho thành viên chính thức vay, thời hạn không quá 12 tháng, không vì lợi nhuận. HTX phải có bộ máy quản trị đầy đủ với Ban kiểm soát từ 03 người trở lên, không dùng vốn huy động để cho vay, mở sổ theo dõi riêng, và việc cho vay phải được Đại hội thông qua, ghi vào Điều lệ.

Hoạt động tín dụng nội bộ kiểu luật cũ phải chấm dứt từ 01/09/2023; hợp đồng ký trước ngày đó được làm tiếp nhưng không được gia hạn.
`;
  let kb: ReturnType<typeof fixtureKnowledge>;
  let service: KnowledgeService;

  beforeAll(async () => {
    ({ kb, service } = await knowledgeWithGuide("vay-nong-nghiep", "vay.md", GUIDE));
  });
  afterAll(() => kb.cleanup());

  it("is answered from the law on lending to members, not from the bank loan terms", async () => {
    const result = await service.answer("htx cho thanh vien vay bao lau");
    expect(result.answer).toContain("không quá 12 tháng");
    expect(result.answer).not.toContain("chưa có con số");
    expect(result.sources[0]).toMatchObject({ doc: "17/2023/QH15", article: "83" });
  });
});
