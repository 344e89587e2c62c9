import { describe, expect, it } from "vitest";
import { headingNamesTopic, preferFittingHeading } from "../../../src/knowledge/answer/heading-fit.js";
import { profileQuestion } from "../../../src/knowledge/retrieval/coverage.js";
import { CorpusStats } from "../../../src/knowledge/retrieval/corpus-stats.js";
import { searchTerms } from "../../../src/knowledge/text/search-terms.js";
import type { SearchHit } from "../../../src/knowledge/retrieval/knowledge-index.js";
import type { Section } from "../../../src/knowledge/types.js";

const hit = (heading: string, score: number): SearchHit => ({
  section: { id: heading, heading, text: heading, keywords: [] as string[] } as Section,
  coverage: 0.5,
  score,
});
const headings = (hits: SearchHit[]) => hits.map((h) => h.section.heading);

describe("preferFittingHeading", () => {
  const tax = hit("HTX được ưu đãi thuế, phí gì?", 1);
  const land = hit("Góp vốn bằng đất, máy móc được không?", 0.87);

  it("puts a close section written for the question's subject before one written for another", () => {
    expect(headings(preferFittingHeading("tui co 5 cong dat, vo htx dc ko", [tax, land]))[0]).toBe(
      land.section.heading,
    );
  });

  it("keeps the best when the close one is not close enough", () => {
    const far = hit(land.section.heading, 0.6);
    expect(preferFittingHeading("tui co 5 cong dat, vo htx dc ko", [tax, far])[0]).toBe(tax);
  });

  it("prefers a heading without another subject for a question naming none (members, not capital)", () => {
    const capital = hit("Lập HTX phải có bao nhiêu vốn tối thiểu?", 1);
    const members = hit("Lập hợp tác xã cần ít nhất mấy người?", 0.8);
    expect(preferFittingHeading("lap htx can toi thieu bao nhieu thanh vien", [capital, members])[0]).toBe(members);
  });

  it("answers a question naming one subject from a close heading naming it alone, not with another subject", () => {
    const insurance = hit("HTX giải thể thì tiền bảo hiểm xã hội của người lao động ra sao?", 1);
    const bankruptcy = hit("HTX bị phá sản thì giải quyết ra sao?", 0.85);
    const when = hit("Khi nào hợp tác xã bị giải thể?", 0.8);
    expect(preferFittingHeading("hop tac xa giai the roi sao", [insurance, bankruptcy, when])[0]).toBe(when);
  });

  it("keeps a heading naming the question's subject in a list of roles, and one naming no subject", () => {
    const roles = hit("Ai không được làm Hội đồng quản trị, Giám đốc, kiểm soát viên?", 1);
    const chair = hit("Chủ tịch Hội đồng quản trị do ai bầu?", 0.9);
    expect(preferFittingHeading("vo tui lam thu quy trong hdqt dc ko", [roles, chair])[0]).toBe(roles);
    const plain = hit("HTX nhỏ có được làm bộ máy gọn không?", 1);
    const board = hit("Hội đồng quản trị có bao nhiêu người?", 0.95);
    expect(preferFittingHeading("htx nho co bat buoc lap hdqt ko", [plain, board])[0]).toBe(plain);
  });
});

describe("headingNamesTopic", () => {
  const suspend = { ...hit("HTX muốn tạm nghỉ kinh doanh thì làm sao?", 1), coverage: 0.12 };
  const profileOf = (question: string) =>
    profileQuestion(
      question,
      new CorpusStats([searchTerms(suspend.section.heading), searchTerms("thành viên góp vốn")]),
    );

  it("is true when the heading shares a concept with a long chatty question", () => {
    const question = "mùa lũ này HTX tui tính nghỉ vài tháng, có phải báo cho ai hông nha";
    expect(headingNamesTopic(question, profileOf(question), suspend)).toBe(true);
  });

  it("is true when the heading names one of the question's subjects, false when it names neither", () => {
    const votes = hit("Mỗi người mấy phiếu?", 1);
    expect(headingNamesTopic("ổng nói ổng được 3 phiếu hả", profileOf("ổng nói ổng được 3 phiếu hả"), votes)).toBe(
      true,
    );
    const question = "tàu vũ trụ bay lên mặt trăng mất mấy ngày";
    expect(headingNamesTopic(question, profileOf(question), suspend)).toBe(false);
  });
});
