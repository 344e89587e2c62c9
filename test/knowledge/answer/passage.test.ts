import { describe, expect, it } from "vitest";
import { questionWants, quotePassage } from "../../../src/knowledge/answer/passage.js";
import { statedFigures } from "../../../src/knowledge/answer/stated-figure.js";
import { profileQuestion } from "../../../src/knowledge/retrieval/coverage.js";
import { CorpusStats } from "../../../src/knowledge/retrieval/corpus-stats.js";
import { searchTerms } from "../../../src/knowledge/text/search-terms.js";
import type { Section } from "../../../src/knowledge/types.js";

const section = (text: string): Section => ({
  id: "s",
  file: "x.md",
  kind: "guide",
  topic: null,
  topicTitle: null,
  heading: "Vay không thế chấp được bao nhiêu?",
  text,
  citations: [{ doc: "55/2015/NĐ-CP", docTitle: "NĐ 55", article: "9", status: "amended", uncertain: false }],
  keywords: [],
  order: 0,
});

const LOAN = section(
  [
    "Tối đa 300 triệu đồng cho hộ gia đình, áp dụng từ 01/07/2025.",
    "Trước đó, theo Nghị định 116/2018, mức này là 100 triệu đồng.",
    "Muốn vay nhiều hơn thì phải có tài sản bảo đảm.",
  ].join(" "),
);
const MEETING = section(
  [
    "Đại hội thành viên họp mỗi năm một lần trong 06 tháng đầu năm.",
    "Hội đồng quản trị triệu tập và chủ trì Đại hội.",
    "Mỗi thành viên chính thức có một phiếu biểu quyết, không phụ thuộc số vốn góp hay chức vụ.",
  ].join(" "),
);
const FUND = section(
  "Quỹ cho vay với lãi suất ưu đãi. Chương trình hỗ trợ lãi suất đã hết hạn từ 31/12/2023. Hồ sơ nộp tại chi nhánh Quỹ.",
);

/** A deadline whose passing is said after it ("Hạn … đã hết"), not as "đã hết hạn". */
const CHARTER_DEADLINE = section(
  [
    "HTX lập trước 01/07/2024 tiếp tục hoạt động; nếu Điều lệ không phù hợp thì phải sửa trong 18 tháng kể từ 01/07/2024.",
    "Việc sửa Điều lệ do Đại hội thành viên quyết định theo thủ tục Điều lệ đã ghi và phải được nhiều thành viên tán thành.",
    "Hạn 18 tháng này đã hết vào khoảng đầu năm 2026.",
  ].join(" "),
);

/** A guide answering its heading's yes/no question first. */
const REFUND = section(
  [
    "Được, theo Luật và Điều lệ.",
    "HTX trả lại vốn góp khi thành viên chấm dứt tư cách hoặc trả phần vốn vượt mức tối đa.",
    "Thời hạn trả do Điều lệ quy định.",
  ].join(" "),
);

/** A long list first, the period (the answer to "bao lâu") after it. */
const POSTING = section(
  "HTX phải công khai cho thành viên Điều lệ, quy chế, nghị quyết Đại hội, danh sách và tỷ lệ vốn góp của thành viên, báo cáo tài chính năm. Các thông tin này phải niêm yết ít nhất 30 ngày liên tục tại trụ sở.",
);
/** The general condition first, the rule for the asker's age after it. */
const AGE = section(
  "Thành viên chính thức phải là công dân Việt Nam từ đủ 18 tuổi, có năng lực hành vi dân sự đầy đủ. Người từ đủ 15 đến dưới 18 tuổi chỉ được làm thành viên liên kết không góp vốn.",
);

/** A yes, what the land is used for, then what the yes depends on. */
const RENTING = section(
  "Được. HTX thuê đất ruộng của thành viên để làm cánh đồng lớn, trả tiền thuê theo năm. Việc thuê phải có hợp đồng thuê đất bằng văn bản, ghi rõ thời hạn.",
);

/** A list under its introduction, then a sentence about a case that is not on the list. */
const ENDING = section(
  [
    "Thành viên chấm dứt tư cách khi:",
    "- Đã chết hoặc mất tích.",
    "- Không dùng dịch vụ liên tục trong thời gian Điều lệ quy định.",
    "",
    "Người chỉ vắng mặt lâu thì chưa mất tư cách thành viên.",
  ].join("\n"),
);

/** A lead restating the topic, then the condition ("khi …") a "khi nào" question asks for. */
const EXTRAORDINARY = section(
  "Đại hội thành viên bất thường bàn các việc cấp bách của HTX. Hội đồng quản trị triệu tập Đại hội bất thường khi có ít nhất một phần ba thành viên chính thức yêu cầu.",
);

const stats = new CorpusStats(
  [LOAN, MEETING, FUND, POSTING, AGE, RENTING, ENDING, EXTRAORDINARY].map((s) => searchTerms(s.text)),
);
const quote = (s: Section, question: string) =>
  quotePassage(s, profileQuestion(question, stats), { budget: 140, wants: questionWants(question) });

describe("quotePassage", () => {
  it("gives today's value and leaves the earlier one out unless the past is asked about", () => {
    expect(quote(LOAN, "ho gia dinh vay tin chap duoc bao nhieu")).not.toContain("100 triệu");
    expect(quote(LOAN, "truoc day ho gia dinh vay tin chap duoc bao nhieu")).toContain("100 triệu");
  });

  it("starts from the sentence carrying what the question word asks for when the lead lacks it", () => {
    expect(quote(EXTRAORDINARY, "khi nao thi hop dai hoi bat thuong")).toMatch(/^Hội đồng quản trị triệu tập/);
    expect(quote(EXTRAORDINARY, "dai hoi bat thuong ban viec gi")).toMatch(/^Đại hội thành viên bất thường bàn/);
  });

  it("starts from the sentence that answers when the lead does not", () => {
    const text = quote(MEETING, "giam doc gop nhieu von thi co nhieu phieu bieu quyet hon khong");
    expect(text.startsWith("Mỗi thành viên chính thức có một phiếu biểu quyết")).toBe(true);
  });

  it("leaves out a bare yes/no verdict when the question asks how long or how much", () => {
    expect(quote(REFUND, "ra htx thi bao lau duoc tra von")).not.toContain("Được, theo Luật");
    expect(quote(REFUND, "ra htx co duoc tra von khong")).toContain("Được, theo Luật");
  });

  it("never drops a caveat that changes the answer", () => {
    expect(quote(FUND, "quy cho vay lai suat uu dai the nao")).toContain("đã hết hạn từ 31/12/2023");
    expect(quote(CHARTER_DEADLINE, "htx lap truoc 2024 co phai sua dieu le khong")).toContain("đã hết vào khoảng");
  });

  it("quotes the figure a 'how long' question wants, even when the lead fills the budget", () => {
    const text = quote(POSTING, "danh sach von gop co phai dan cho thanh vien coi khong, dan bao lau");
    expect(text).toContain("30 ngày");
  });

  it("answers a stated age with the range holding it, not only with the general condition", () => {
    const question = "chau tui 17 tuoi thoi, cho vo htx duoc hong";
    const text = quotePassage(AGE, profileQuestion(question, stats), {
      budget: 140,
      wants: questionWants(question),
      stated: statedFigures(question),
    });
    expect(text).toContain("từ đủ 15 đến dưới 18 tuổi");
  });

  it("keeps the condition a yes depends on", () => {
    const text = quote(RENTING, "cho htx thue dat ruong cua tui duoc khong");
    expect(text.startsWith("Được.")).toBe(true);
    expect(text).toContain("phải có hợp đồng thuê đất bằng văn bản");
  });

  it("never quotes a list's introduction without its item answering the question", () => {
    // As in a hedge: the best sentence first, then the lead.
    const question = "ong bac tui vang mat lau qua, co bi mat tu cach thanh vien khong";
    const text = quotePassage(ENDING, profileQuestion(question, stats), {
      budget: 200,
      focus: true,
      wants: questionWants(question),
    });
    expect(text).toMatch(/chấm dứt tư cách khi: (Đã chết|Không dùng)/);
    expect(text).not.toMatch(/khi: Người chỉ vắng mặt/);
  });

  it("reads colloquial number questions as wanting a number", () => {
    expect(questionWants("vay được nhiêu?").number).toBe(true);
    expect(questionWants("htx can may nguoi").number).toBe(true);
    expect(questionWants("vay co can the chap khong").number).toBe(false);
  });
});

describe("a figure with what it is the figure of", () => {
  const farm = (text: string, heading: string) => ({ ...section(text), heading });

  it("names the heading's subject before a bare figure", () => {
    const s = farm("Tối đa 03 tỷ đồng, áp dụng từ 01/07/2025.", "Chủ trang trại vay tín chấp được bao nhiêu?");
    expect(quote(s, "vay duoc bao nhieu")).toBe(
      "Chủ trang trại vay tín chấp: tối đa 03 tỷ đồng, áp dụng từ 01/07/2025.",
    );
  });

  it("leaves a sentence with its own subject, and a heading naming nothing, as they are", () => {
    const whole = farm("HTX được vay tối đa 05 tỷ đồng.", "HTX vay tín chấp được bao nhiêu?");
    expect(quote(whole, "htx vay duoc bao nhieu")).toBe("HTX được vay tối đa 05 tỷ đồng.");
    const own = farm("Ít nhất 20% tổng vốn đầu tư.", "Phải tự có bao nhiêu vốn mới được vay Quỹ?");
    expect(quote(own, "phai tu co bao nhieu von")).toBe("Ít nhất 20% tổng vốn đầu tư.");
  });
});

describe("a rule stated case by case", () => {
  const DIRECTOR = {
    ...section(
      [
        "Giám đốc điều hành công việc hằng ngày của HTX, nhiệm kỳ tối đa 05 năm.",
        "Ở bộ máy đầy đủ, Giám đốc do Hội đồng quản trị bổ nhiệm và chịu trách nhiệm trước Hội đồng quản trị.",
        "Chỉ HTX tổ chức theo bộ máy quản trị đầy đủ mới được thuê Giám đốc, và phải do Đại hội thành viên quyết định.",
        "Giám đốc thuê không phải thành viên thì được dự họp nhưng không biểu quyết, nhiệm kỳ theo hợp đồng lao động.",
        "Ở bộ máy rút gọn (HTX siêu nhỏ), Giám đốc phải là thành viên chính thức và do Đại hội bầu bằng phiếu kín.",
      ].join(" "),
    ),
    heading: "Giám đốc HTX do ai chọn, làm gì?",
  };

  it("quotes every case of who does it, not only the one sharing the question's verb, even when short of room", () => {
    const question = "giam doc htx do ai bau";
    const text = quotePassage(DIRECTOR, profileQuestion(question, stats), {
      budget: 260,
      wants: questionWants(question),
    });
    expect(text).toContain("do Đại hội bầu");
    expect(text).toContain("do Hội đồng quản trị bổ nhiệm");
  });
});
