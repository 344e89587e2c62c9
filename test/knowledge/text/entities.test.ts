import { describe, expect, it } from "vitest";
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
