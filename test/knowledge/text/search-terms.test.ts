import { describe, expect, it } from "vitest";
import { searchTerms } from "../../../src/knowledge/text/search-terms.js";

const terms = (text: string) => searchTerms(text, { accents: false });

describe("searchTerms", () => {
  it("matches with and without diacritics", () => {
    expect(terms("Hợp tác xã cần mấy người")).toEqual(terms("hop tac xa can may nguoi"));
  });

  it("expands abbreviations to the words the guides use", () => {
    expect(terms("HTX")).toEqual(terms("hợp tác xã"));
    expect(terms("THT")).toEqual(terms("tổ hợp tác"));
    expect(terms("NĐ 55")).toContain("nghi_dinh");
    expect(terms("BHXH tự nguyện")).toContain("bao_hiem");
  });

  it("expands chat shorthand", () => {
    expect(terms("tv htx co quyen j")).toEqual(terms("thành viên hợp tác xã có quyền gì"));
    expect(terms("htx can bn ng")).toEqual(terms("hợp tác xã cần bao nhiêu người"));
  });

  it("reads leaving written as 'ra/bỏ/nghỉ HTX' as the law's 'ra khỏi', but not 'ra họp'", () => {
    expect(terms("tui muon ra htx")).toContain("ra_khoi");
    expect(terms("bỏ tổ hợp tác")).toContain("ra_khoi");
    expect(terms("ra hop dai hoi")).not.toContain("ra_khoi");
  });

  it("links farmers' words for joining, losses and posting up to the law's", () => {
    expect(terms("tui muốn tham gia htx")).toContain("#ket-nap");
    expect(terms("làm ăn lỗ")).toEqual(expect.arrayContaining(terms("bù lỗ").filter((t) => t.startsWith("#"))));
    expect(terms("dán lên cho tv coi")).toContain("#cong-bo");
    expect(terms("niêm yết")).toContain("#cong-bo");
    expect(terms("giai the htx thi lam sao")).toContain("#thu-tuc");
    expect(terms("trình tự, thủ tục giải thể")).toContain("#thu-tuc");
    expect(terms("so luong thanh vien toi thieu")).toContain("#so-nguoi");
    // A farmer's "đồng ý" is the law's "phiếu … tán thành" of a vote.
    expect(terms("sua dieu le can bao nhieu phan tram dong y")).toContain("#bieu-quyet");
    expect(terms("65% tổng số phiếu biểu quyết tán thành")).toContain("#bieu-quyet");
  });

  it("keeps tổ hợp tác and hợp tác xã apart with compound terms", () => {
    expect(terms("tổ hợp tác")).toContain("to_hop_tac");
    expect(terms("tổ hợp tác")).not.toContain("hop_tac_xa");
    expect(terms("liên hiệp HTX")).toEqual(expect.arrayContaining(["lien_hiep_hop_tac_xa", "hop_tac_xa"]));
  });

  it("understands southern colloquial forms", () => {
    expect(terms("tui vô HTX được hông")).toEqual(terms("tôi vào hợp tác xã được không"));
    expect(terms("htx can may nguoi")).toContain("bao_nhieu");
    expect(terms("vay được nhiêu")).toContain("bao_nhieu");
    expect(terms("vay được nhiều")).not.toContain("bao_nhieu");
    expect(terms("hợp đồng vô hiệu")).not.toContain("vao");
    expect(terms("xã viên")).toEqual(terms("thành viên"));
  });

  it("does not read vợ (wife) as vô (enter)", () => {
    expect(terms("vợ tui")).not.toContain("vao");
    expect(terms("vo them htx khac")).toContain("vao");
  });

  it("maps loan words to the legal wording", () => {
    expect(terms("vay tín chấp")).toEqual(expect.arrayContaining(["tai_san", "bao_dam"]));
    expect(terms("nộp qua mạng")).toContain("truc_tuyen");
    expect(terms("không thể chấp nhận")).not.toContain("tai_san");
  });

  it("adds syllable pairs and drops filler words", () => {
    const t = terms("Hộ gia đình có được vào HTX không?");
    expect(t).toEqual(expect.arrayContaining(["gia_dinh", "ho_gia"]));
    expect(t).not.toContain("khong");
  });

  it("adds accented syllables only when the text has diacritics", () => {
    expect(searchTerms("vợ")).toContain("~vợ");
    expect(searchTerms("vo")).not.toContain("~vợ");
  });

  it("normalises leading zeros in numbers", () => {
    expect(terms("05 thành viên")).toEqual(terms("5 thành viên"));
  });
});

describe("searchTerms colloquial forms written with diacritics", () => {
  it("rewrites whole words only", () => {
    expect(searchTerms("ổng", { accents: false })).toEqual(searchTerms("ông ấy", { accents: false }));
    expect(searchTerms("vô thêm", { accents: false })).toContain("vao");
    expect(searchTerms("mấy năm", { accents: false })).toContain("bao_nhieu");
    expect(searchTerms("thiêu", { accents: false })).not.toContain("bao");
  });
});

describe("searchTerms concepts", () => {
  it("links farmer words and legal words for the same idea", () => {
    expect(terms("theo đạo khác")).toContain("#ton-giao");
    expect(terms("tôn giáo")).toContain("#ton-giao");
    expect(terms("mua bán với xã viên")).toContain("#giao-dich-noi-bo");
    expect(terms("giao dịch nội bộ")).toContain("#giao-dich-noi-bo");
    expect(terms("vô 2 HTX")).toContain("vao");
    expect(terms("vô thêm HTX nữa")).toContain("#nhieu-htx");
    // Taxes: "thuế HTX đóng", "đóng thuế" meet the law's "ưu đãi thuế"; "thuê đất" (rent) does not.
    expect(terms("thue htx dong bao nhieu")).toContain("#thue");
    expect(terms("được hưởng ưu đãi thuế")).toContain("#thue");
    expect(terms("thuê đất của xã")).not.toContain("#thue");
    expect(terms("hồ sơ phải ghi rõ tên")).toContain("#ghi-ro");
    // Foreigners by their country, mergers in farmers' words.
    expect(terms("may ong Dai Loan vo htx")).toContain("#nuoc-ngoai");
    expect(terms("nhà đầu tư nước ngoài")).toContain("#nuoc-ngoai");
    expect(terms("htx nho nhap vo htx lon")).toContain("#sap-nhap");
    expect(terms("sáp nhập hợp tác xã")).toContain("#sap-nhap");
  });

  it("adds no concept for a plain wording that has other meanings", () => {
    expect(terms("đơn ghi gì")).not.toContain("#ghi-ro");
    expect(terms("sáp nhập với HTX khác")).not.toContain("#nhieu-htx");
  });
});

describe("searchTerms particles and farmer wording", () => {
  it("does not read the particle vậy as vay (borrow)", () => {
    expect(terms("Đăng ký có tốn lệ phí không vậy?")).not.toContain("vay");
    expect(terms("dang ky co ton le phi khong vay")).not.toContain("vay");
    expect(terms("tui muon vay")).toContain("vay");
    expect(terms("vậy tui vay được không")).toContain("vay");
    // Unaccented: last after a question word or particle, opening "vậy là / vậy có đúng", in "như vậy".
    for (const text of [
      "lanh o dau vay",
      "phai lam gi vay",
      "vay la sai luat ha",
      "vay co dung luat hong",
      "nhu vay co sao",
      // after what a number question counts, or the question word itself
      "ban kiem soat co may nguoi vay",
      "le phi bao nhieu tien vay",
      "nhiem ky bao lau vay",
    ]) {
      expect(terms(text), text).not.toContain("vay");
    }
    for (const text of [
      "htx tui muon vay",
      "di vay ngan hang",
      "duoc vay khong",
      "vay co duoc khong",
      "may nguoi duoc vay",
    ]) {
      expect(terms(text), text).toContain("vay");
    }
  });

  it("links collateral-free loan wordings", () => {
    for (const text of ["vay tín chấp", "vay không thế chấp", "vay không cần tài sản bảo đảm"]) {
      expect(terms(text)).toContain("#tin-chap");
    }
  });

  it("reads southern and old-law words as today's terms", () => {
    expect(terms("hùn vốn")).toEqual(terms("góp vốn"));
    expect(terms("Ban quản trị")).toEqual(terms("Hội đồng quản trị"));
    expect(terms("chủ nhiệm HTX")).toContain("#giam-doc");
    expect(terms("Hộ tui làm ruộng")).toEqual(expect.arrayContaining(["gia_dinh", "#nong-nghiep"]));
    expect(terms("nộp hộ tôi")).not.toContain("gia_dinh");
  });

  it("links farmers' words for land, losing it and the money put in to the law's", () => {
    expect(terms("vo htx roi dat ruong cua tui co bi lay luon hong")).toEqual(
      expect.arrayContaining(["#dat-dai", "#bi-mat"]),
    );
    expect(terms("Góp bằng đất thì có mất đất không?")).toEqual(expect.arrayContaining(["#dat-dai", "#bi-mat"]));
    expect(terms("quyền sử dụng đất")).toContain("#dat-dai");
    // "đạt", "đặt" fold like "đất": alone they are not land.
    expect(terms("đạt tiêu chí")).not.toContain("#dat-dai");
    expect(terms("htx giai the thi tien gop cua tui sao")).toContain("#von-gop");
    expect(terms("chia theo tỷ lệ phần vốn góp")).toContain("#von-gop");
  });

  it("reads a stated number of people as a count of people, and hearsay as no topic", () => {
    expect(terms("chỉ cần 3 người")).toContain("#so-nguoi");
    expect(terms("ít nhất 05 thành viên")).toContain("#so-nguoi");
    expect(terms("Nghe nói chỉ cần 3 người")).toEqual(terms("chỉ cần 3 người"));
  });

  it("finds an article number only after its word: 'điều 16' is not the '16' of '16 tuổi'", () => {
    expect(terms("Luật Hợp tác xã 2023 17/2023/QH15 Điều 16")).toContain("dieu_16");
    expect(terms("Luật Hợp tác xã 2023 17/2023/QH15 Điều 16")).not.toContain("16");
    expect(terms("khoản 2 Điều 30")).toEqual(expect.arrayContaining(["khoan_2", "dieu_30"]));
    expect(terms("khoản 2 Điều 30")).not.toContain("30");
    expect(terms("dieu 16 luat htx")).toContain("dieu_16");
    expect(terms("con tui 16 tuổi")).toEqual(expect.arrayContaining(["16", "16_tuoi"]));
  });
});
