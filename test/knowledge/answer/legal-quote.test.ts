import { describe, expect, it } from "vitest";
import { quoteLegal } from "../../../src/knowledge/answer/legal-quote.js";
import { profileQuestion } from "../../../src/knowledge/retrieval/coverage.js";
import { CorpusStats } from "../../../src/knowledge/retrieval/corpus-stats.js";
import { splitLegalText } from "../../../src/knowledge/sources/legal-splitter.js";
import { searchTerms } from "../../../src/knowledge/text/search-terms.js";

const LAW = [
  "Điều 60. Chuẩn bị Đại hội thành viên",
  "1. Hội đồng quản trị chuẩn bị Đại hội thành viên thường niên.",
  "2. Thông báo về thời gian, địa điểm, chương trình Đại hội thành viên phải được gửi đến thành viên chậm nhất là 07 ngày trước ngày khai mạc.",
  "3. Thành viên có quyền kiến nghị bổ sung nội dung vào chương trình Đại hội; kiến nghị phải bằng văn bản và được gửi chậm nhất 03 ngày làm việc trước ngày khai mạc:",
  "a) Họ, tên thành viên;",
  "b) Nội dung kiến nghị.",
  "Điều 61. Tham dự và biểu quyết",
  "Mỗi thành viên chính thức có một phiếu biểu quyết, không phụ thuộc vào số vốn góp.",
].join("\n");

const sections = splitLegalText("van-ban/luat.txt", LAW, {
  doc: "17/2023/QH15",
  docTitle: "Luật Hợp tác xã 2023",
  status: "in_force",
});
const stats = new CorpusStats(sections.map((s) => searchTerms(s.text)));
const quote = (question: string, i = 0) => quoteLegal(sections[i]!, profileQuestion(question, stats));

describe("quoteLegal", () => {
  it("quotes the khoản that answers, word for word, citing that khoản", () => {
    const result = quote("thong bao hop dai hoi phai gui truoc bao nhieu ngay");
    expect(result.text).toBe(LAW.split("\n")[2]!.replace("2. ", ""));
    expect(result.citation).toMatchObject({ doc: "17/2023/QH15", article: "60", clause: "2" });
    expect(result.articleTitle).toBe("Chuẩn bị Đại hội thành viên");
  });

  it("quotes a khoản within a shorter budget, marking what it left out (a part of a two-part answer)", () => {
    const profile = profileQuestion("thong bao hop dai hoi phai gui truoc bao nhieu ngay", stats);
    const short = quoteLegal(sections[0]!, profile, null, 80);
    expect(short.text.length).toBeLessThanOrEqual(80 + " […]".length);
    expect(short.text).toMatch(/^Thông báo về thời gian.*\[…\]$/u);
    expect(quoteLegal(sections[0]!, profile).text).not.toContain("[…]");
  });

  it("keeps a khoản's điểm with its lead line", () => {
    const result = quote("kien nghi bo sung chuong trinh dai hoi ghi gi");
    expect(result.citation.clause).toBe("3");
    expect(result.text).toContain("a) Họ, tên thành viên;");
  });

  it("cites the whole article when it has no numbered khoản", () => {
    const result = quote("gop nhieu von co nhieu phieu hon khong", 1);
    expect(result.text).toBe("Mỗi thành viên chính thức có một phiếu biểu quyết, không phụ thuộc vào số vốn góp.");
    expect(result.citation.clause).toBeUndefined();
    expect(result.citation.article).toBe("61");
  });
});
