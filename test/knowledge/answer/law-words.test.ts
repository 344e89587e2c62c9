import { describe, expect, it } from "vitest";
import { lawWordsFor } from "../../../src/knowledge/answer/law-words.js";
import { questionWants } from "../../../src/knowledge/answer/passage.js";
import { profileQuestion } from "../../../src/knowledge/retrieval/coverage.js";
import { CorpusStats } from "../../../src/knowledge/retrieval/corpus-stats.js";
import { splitLegalText } from "../../../src/knowledge/sources/legal-splitter.js";
import { searchTerms } from "../../../src/knowledge/text/search-terms.js";
import type { Section } from "../../../src/knowledge/types.js";

const LAW = [
  "Điều 68. Giám đốc hợp tác xã",
  "1. Giám đốc điều hành công việc hằng ngày của hợp tác xã.",
  "2. Nhiệm kỳ của Giám đốc không quá 05 năm.",
  "3. Trường hợp Giám đốc được thuê, không là thành viên chính thức thì được tham gia cuộc họp Đại hội thành viên nhưng không có quyền biểu quyết.",
].join("\n");

const legal = splitLegalText("van-ban/luat.txt", LAW, {
  doc: "17/2023/QH15",
  docTitle: "Luật Hợp tác xã 2023",
  status: "in_force",
});

const GUIDE: Section = {
  id: "g",
  file: "luat-htx/bo-may.md",
  kind: "guide",
  topic: null,
  topicTitle: null,
  heading: "Giám đốc HTX làm gì?",
  text: "Giám đốc lo việc hằng ngày của HTX. Giám đốc thuê thì được dự họp nhưng không biểu quyết.",
  citations: [
    { doc: "17/2023/QH15", docTitle: "Luật Hợp tác xã 2023", article: "68", status: "in_force", uncertain: false },
  ],
  keywords: [],
  order: 0,
};

const sections = [GUIDE, ...legal];
const stats = new CorpusStats(sections.map((s) => searchTerms(s.text)));

function lawWords(question: string, room = 400) {
  const quote = GUIDE.text;
  return lawWordsFor(GUIDE, question, quote, sections, profileQuestion(question, stats), questionWants(question), room);
}

describe("lawWordsFor", () => {
  it("adds the cited article's own sentence answering what the guide's words leave out, with its khoản", () => {
    const words = lawWords("giam doc thue khong phai thanh vien chinh thuc co quyen bieu quyet o dai hoi khong");
    expect(words?.text).toBe(
      "Trường hợp Giám đốc được thuê, không là thành viên chính thức thì được tham gia cuộc họp Đại hội thành viên nhưng không có quyền biểu quyết.",
    );
    expect(words?.citation).toMatchObject({ doc: "17/2023/QH15", article: "68", clause: "3" });
  });

  it("never cuts the law's sentence: without room for all of it, nothing is added", () => {
    expect(
      lawWords("giam doc thue khong phai thanh vien chinh thuc co quyen bieu quyet o dai hoi khong", 100),
    ).toBeNull();
  });

  it("answers a question wanting a number only with a sentence stating one", () => {
    const words = lawWords("giam doc lam toi da bao nhieu nam mot nhiem ky");
    expect(words?.text).toBe("Nhiệm kỳ của Giám đốc không quá 05 năm.");
  });

  it("adds nothing from an article the guide does not cite", () => {
    const other = { ...GUIDE, citations: [{ ...GUIDE.citations[0]!, article: "60" }] };
    const question = "giam doc thue co quyen bieu quyet khong";
    expect(
      lawWordsFor(
        other,
        question,
        other.text,
        sections,
        profileQuestion(question, stats),
        questionWants(question),
        400,
      ),
    ).toBeNull();
  });
});
