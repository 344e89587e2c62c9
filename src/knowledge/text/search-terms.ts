import { foldVietnamese } from "../../lib/vietnamese.js";
import { CHAT_SHORTHAND } from "./chat-spelling.js";

/**
 * Turns Vietnamese text into search terms shared by BM25, the lexical embedding and answer scoring.
 * Documents and questions go through the same canonical form, so "HTX", "hợp tác xã" and
 * "hop tac xa" meet, and so do southern colloquial forms ("tui vô HTX") and their written forms.
 *
 * Terms: folded syllables (diacritics removed), syllable bigrams (Vietnamese words are mostly
 * two syllables: "thanh vien", "phap nhan"), and "~"-prefixed accented syllables, which only
 * count when the asker typed diacritics, to separate "vợ"/"vô" or "bán"/"bạn" that fold alike.
 */

/** Abbreviations farmers and officers write, expanded to the folded full form. */
const ABBREVIATIONS: Record<string, string> = {
  htx: "hop tac xa",
  lhhtx: "lien hiep hop tac xa",
  tht: "to hop tac",
  nd: "nghi dinh",
  ndcp: "nghi dinh chinh phu",
  qd: "quyet dinh",
  nq: "nghi quyet",
  ubnd: "uy ban nhan dan",
  bhxh: "bao hiem xa hoi",
  bhyt: "bao hiem y te",
  tmdt: "thuong mai dien tu",
  hdqt: "hoi dong quan tri",
  bks: "ban kiem soat",
  dhtv: "dai hoi thanh vien",
  nhcsxh: "ngan hang chinh sach xa hoi",
  nhnn: "ngan hang nha nuoc",
  tctd: "to chuc tin dung",
  tndn: "thu nhap doanh nghiep",
  gcn: "giay chung nhan",
  dkkd: "dang ky kinh doanh",
  cccd: "can cuoc cong dan",
  qsdd: "quyen su dung dat",
  hnd: "hoi nong dan",
  sxkd: "san xuat kinh doanh",
  vdl: "von dieu le",
  dn: "doanh nghiep",
  tnhh: "trach nhiem huu han",
  ...CHAT_SHORTHAND,
  tui: "toi",
  online: "truc tuyen",
};

/**
 * Phrase rewrites on folded syllables, applied left to right: colloquial or synonymous forms become
 * the form the guides use. `after` restricts a rewrite to a context where it is unambiguous.
 */
interface Rewrite {
  from: string[];
  to: string[];
  /** Tested against the syllable that follows the phrase ("" at the end). */
  after?: RegExp;
  /** Tested against the syllable before the phrase ("" at the start). */
  before?: RegExp;
}

const NEXT_IS_COUNTABLE = /^(nguoi|nam|thang|ngay|lan|tuoi|thanh|phan|trieu|ty|dong|ho|xa)$/;
/** Units a number question counts in ("mấy người", "bao nhiêu tiền"). */
const COUNTED = ["nguoi", "nam", "thang", "ngay", "lan", "tuoi", "phan", "trieu", "ty", "dong", "tien", "xa", "phieu"];

const REWRITES: Rewrite[] = [
  // "mấy người", "mấy năm" ask for a number; "máy" (machine) is never followed by these.
  { from: ["may"], to: ["bao", "nhieu"], after: NEXT_IS_COUNTABLE },
  // "vô HTX" means "vào"; "vợ" folds alike, hence the context.
  { from: ["vo"], to: ["vao"], after: /^(hop|to|lam|thanh|quy|hoi|lien|them|duoc|khong|nhieu|hai|\d+)$/ },
  // "rút khỏi HTX" is leaving it, worded as in the law ("ra khỏi"); "rút vốn" keeps its meaning.
  { from: ["rut", "khoi"], to: ["ra", "khoi"] },
  // "ra HTX", "bỏ HTX", "nghỉ HTX", "thôi HTX": leaving it ("ra họp" is not: the whole name must follow).
  ...["ra", "bo", "nghi", "thoi"].flatMap((verb) => [
    { from: [verb, "hop", "tac", "xa"], to: ["ra", "khoi", "hop", "tac", "xa"] },
    { from: [verb, "to", "hop", "tac"], to: ["ra", "khoi", "to", "hop", "tac"] },
  ]),
  { from: ["xa", "vien"], to: ["thanh", "vien"] },
  { from: ["qua", "mang"], to: ["truc", "tuyen"] },
  { from: ["tin", "chap"], to: ["khong", "co", "tai", "san", "bao", "dam"] },
  { from: ["the", "chap"], to: ["tai", "san", "bao", "dam"], after: /^(?!nhan$)/ },
  { from: ["so", "do"], to: ["giay", "chung", "nhan", "quyen", "su", "dung", "dat"] },
  // "Hộ tui làm ruộng": the asker's household; "nộp hộ tôi" (on my behalf) does not start a segment.
  { from: ["ho"], to: ["ho", "gia", "dinh"], before: /^(|la|cua|nha)$/, after: /^(toi|minh|em|chung|nha|anh|chi)$/ },
  // "hùn vốn" is the southern "góp vốn"; the old law's "Ban quản trị" is today's Hội đồng quản trị.
  { from: ["hun"], to: ["gop"] },
  // Hearsay ("nghe nói", "nghe đồn", "người ta nói") says where a claim comes from, not what it is about.
  { from: ["nghe", "noi"], to: [] },
  { from: ["nghe", "don"], to: [] },
  { from: ["nguoi", "ta", "noi"], to: [] },
  { from: ["ban", "quan", "tri"], to: ["hoi", "dong", "quan", "tri"] },
  { from: ["giay", "phep"], to: ["giay", "chung", "nhan"] },
  // "vậy" (a particle) folds like "vay" (borrow). Last in a sentence after a question word, a negation or
  // another particle ("được không vậy", "lãnh ở đâu vậy", "ai chịu vậy") it is the particle; so it is
  // opening a sentence that asks whether something is right ("vậy là sai luật", "vậy có đúng luật")
  // and in "như vậy". A loan is named after a verb or a lender ("muốn vay", "cho vay", "vay ngân hàng").
  {
    from: ["vay"],
    to: [],
    before: /^(khong|sao|gi|j|nao|dau|ai|ha|roi|chu|the|ay|ta|nhi|nha|ne|luon|het|nhieu|bn|lau)$/,
    after: /^$/,
  },
  // Also after what a number question counts ("mấy người vậy", "bao nhiêu tiền vậy").
  ...COUNTED.map((unit) => ({ from: [unit, "vay"], to: [unit], before: /^(may|nhieu|bn)$/, after: /^$/ })),
  { from: ["vay"], to: [], before: /^$/, after: /^(la|thi)$/ },
  ...["dung", "sai", "hop"].map((judged) => ({ from: ["vay", "co", judged], to: ["co", judged], before: /^$/ })),
  { from: ["nhu", "vay"], to: ["nhu", "the"] },
];

/**
 * Names of three or more syllables (the long forms of the abbreviations) also count as one term, so
 * "tổ hợp tác" and "hợp tác xã" stay apart even though both contain the pair "hợp tác".
 */
const COMPOUNDS: string[][] = [...new Set(Object.values(ABBREVIATIONS))]
  .map((phrase) => phrase.split(" "))
  .filter((syllables) => syllables.length >= 3);

/** The concept of a count of people, and the words after a number that make one. */
const PEOPLE_COUNT = "#so-nguoi";
const PEOPLE_UNITS = new Set(["nguoi", "thanh"]);

/**
 * Concepts farmers and the law name differently ("theo đạo" / "tôn giáo", "mua bán với xã viên" /
 * "giao dịch nội bộ"). Any of the phrases, in a question or a document, adds the concept as a term.
 */
const CONCEPTS: Record<string, string[]> = {
  "#ton-giao": ["ton giao", "theo dao", "dao khac", "tin nguong"],
  "#gioi-tinh": ["gioi tinh", "phu nu", "dan ba", "nu gioi"],
  "#phan-biet": ["phan biet", "tu choi", "ky thi"],
  "#ket-nap": [
    "ket nap",
    "gia nhap",
    "xin vao",
    "nhan vao",
    "vao lam thanh vien",
    "tham gia hop tac xa",
    "tham gia to hop tac",
  ],
  // Losses as farmers say them ("làm ăn lỗ", "bị lỗ") and as the law does ("bù lỗ", "xử lý lỗ"); a lone
  // "lo" is also "lo" (worry) or "lò", so only phrases count.
  "#thua-lo": [
    "thua lo",
    "bu lo",
    "xu ly lo",
    "khoan lo",
    "bi lo",
    "lam an lo",
    "kinh doanh lo",
    "lo luy ke",
    "chuyen lo",
    "phat sinh lo",
    "lam lo",
  ],
  // Making things known to members: the law's "công bố", "công khai", "niêm yết"; farmers' "dán lên", "cho coi".
  "#cong-bo": [
    "cong bo",
    "cong khai",
    "niem yet",
    "dan len",
    "dan ra",
    "dan o",
    "cho coi",
    "cho xem",
    "cho thanh vien biet",
  ],
  "#giao-dich-noi-bo": ["giao dich noi bo", "mua ban voi thanh vien", "ban cho thanh vien", "mua cua thanh vien"],
  "#chia-thu-nhap": ["phan phoi thu nhap", "chia thu nhap", "chia loi", "chia lai", "loi nhuan"],
  "#giai-the": ["giai the", "giai tan", "dong cua"],
  // Merging one cooperative into another as farmers say it ("nhập vô HTX lớn").
  "#sap-nhap": ["sap nhap", "hop nhat", "nhap vao", "nhap chung", "nhap lai"],
  // Foreigners by the countries farmers meet them from ("mấy ông Đài Loan").
  "#nuoc-ngoai": [
    "nuoc ngoai",
    "ngoai quoc",
    "quoc tich",
    "dai loan",
    "trung quoc",
    "han quoc",
    "nhat ban",
    "thai lan",
    "campuchia",
    "nguoi my",
    "nguoi han",
    "nguoi nhat",
    "nguoi tay",
    "ong tay",
  ],
  "#qua-doi": ["qua doi", "chet", "tu tran", "tu vong"],
  "#toi-thieu": ["toi thieu", "it nhat", "it nhut", "thap nhat"],
  "#toi-da": ["toi da", "nhieu nhat", "nhieu nhut", "cao nhat", "khong qua", "khong vuot qua"],
  // Asking for a list ("những gì", "gồm gì", "liệt kê"): its words are fillers, but a heading asking the same is the overview.
  "#liet-ke": [
    "nhung gi",
    "gom gi",
    "gom nhung gi",
    "bao gom nhung",
    "liet ke",
    "nhung viec gi",
    "nhung loai nao",
    "nhung khoan nao",
  ],
  [PEOPLE_COUNT]: [
    "bao nhieu nguoi",
    "bao nhieu thanh vien",
    "so thanh vien",
    "so nguoi",
    "so luong thanh vien",
    "so luong nguoi",
  ],
  // How to do something: farmers' "làm sao", "làm thế nào", "cách làm" and the law's "trình tự, thủ tục", "các bước".
  "#thu-tuc": [
    "thu tuc",
    "trinh tu",
    "quy trinh",
    "cac buoc",
    "nhung buoc",
    "lam sao",
    "lam the nao",
    "cach lam",
    "phai lam gi",
  ],
  // Loans without collateral: "tín chấp", "không thế chấp", "không cần tài sản bảo đảm" (after rewrites).
  "#tin-chap": [
    "khong tai san bao dam",
    "khong co tai san bao dam",
    "khong can tai san bao dam",
    "khong can co tai san bao dam",
    "khong phai tai san bao dam",
    "khong co bao dam bang tai san",
    "khong bao dam bang tai san",
  ],
  "#nong-nghiep": ["nong nghiep", "lam ruong", "lam nong", "lam lua", "trong lua", "nha nong", "lam vuon"],
  // Being a member of several cooperatives at once.
  "#nhieu-htx": ["nhieu hop tac xa", "them hop tac xa", "hai hop tac xa", "2 hop tac xa"],
  "#dong-thoi": ["dong thoi", "cung luc", "cung mot luc", "mot luc"],
  // The law's "nêu rõ" in farmer words ("ghi rõ", "nói rõ").
  "#ghi-ro": ["ghi ro", "noi ro", "neu ro", "thong bao ro"],
  "#ho-so": ["ho so", "giay to", "giay tu"],
  // Getting the certificate: "bao lâu có giấy" / "được cấp giấy chứng nhận".
  "#cap-giay": ["cap giay", "co giay", "nhan giay", "lay giay", "ra giay", "cap giay chung nhan"],
  "#le-phi": ["le phi", "ton phi", "mat phi", "ton tien", "phi dang ky", "mien phi"],
  "#giam-doc": ["giam doc", "chu nhiem"],
  // What one must have or be: the law says "điều kiện", farmers "tiêu chuẩn", "bằng cấp", "trình độ".
  "#dieu-kien": ["dieu kien", "tieu chuan", "bang cap", "trinh do", "yeu cau gi"],
  "#dai-hoi": ["dai hoi", "hop thanh vien", "hop toan the", "hop xa vien"],
  "#bieu-quyet": ["bieu quyet", "bo phieu", "gio tay", "tan thanh", "dong y"],
  "#qua-han": ["qua han", "tre han", "tre hen", "cham tra", "khong tra kip", "tra khong kip", "tra no khong kip"],
  "#mat-mua": ["mat mua", "thien tai", "lu lut", "han man", "xam nhap man", "dich benh", "bao lu"],
  "#tam-ngung": [
    "tam ngung",
    "tam nghi",
    "ngung hoat dong",
    "ngung kinh doanh",
    "nghi kinh doanh",
    "nghi vai thang",
    "nghi may thang",
    "nghi mot thoi gian",
    "nghi mot thang",
    "nghi nua nam",
    "dung hoat dong",
  ],
  // Land as farmers name it ("đất ruộng", "ruộng", "sổ đỏ") and as the law does ("quyền sử dụng đất");
  // a lone "dat" is also "đạt"/"đặt", so only phrases count.
  "#dat-dai": [
    "dat dai",
    "dat ruong",
    "ruong dat",
    "ruong",
    "dat vuon",
    "dat nong nghiep",
    "dat san xuat",
    "su dung dat",
    "gop dat",
    "bang dat",
    "mat dat",
    "lay dat",
    "thue dat",
    "giao dat",
    "manh dat",
    "thua dat",
    "mieng dat",
    "cong dat",
  ],
  // Losing what one brought: "bị lấy luôn", "mất đất", "thu luôn".
  "#bi-mat": [
    "bi lay",
    "lay luon",
    "lay mat",
    "mat luon",
    "mat het",
    "thu luon",
    "bi thu",
    "mat dat",
    "mat ruong",
    "mat von",
    "bi mat",
  ],
  // The money a member put in: "tiền góp", "vốn góp", "phần vốn".
  "#von-gop": ["von gop", "tien gop", "gop von", "phan von", "tien von", "phan gop"],
  // Taxes as farmers ask ("thuế HTX đóng bao nhiêu", "đóng thuế") and as the law words them; a lone
  // "thue" is also "thuê" (rent), so only phrases count.
  "#thue": [
    "nop thue",
    "dong thue",
    "thue hop tac xa",
    "thue to hop tac",
    "muc thue",
    "uu dai thue",
    "mien thue",
    "giam thue",
    "thue thu nhap",
    "thue gia tri",
    "thue mon bai",
    "thue suat",
  ],
  // The state deciding for a cooperative: the law's "can thiệp", farmers' "ép", "bắt phải", "chỉ định".
  "#can-thiep": ["can thiep", "ep", "ep buoc", "bat ep", "bat phai", "bat buoc phai", "chi dinh", "tu chu"],
  // Officials making it hard or asking for money: the law's "sách nhiễu", "phiền hà", farmers' words for a bribe.
  "#sach-nhieu": [
    "sach nhieu",
    "phien ha",
    "gay kho",
    "lam kho",
    "hen len hen xuong",
    "doi tien",
    "dua tien",
    "tien boi duong",
    "tien ca phe",
    "tien tra nuoc",
    "boi duong",
    "hoi lo",
    "lot tay",
    "dut lot",
  ],
  "#khai-tru": ["khai tru", "bi duoi", "gach ten", "cham dut tu cach", "mat tu cach"],
};
const CONCEPT_PHRASES: Array<[string, string[]]> = Object.entries(CONCEPTS).flatMap(([concept, phrases]) =>
  phrases.map((phrase): [string, string[]] => [concept, phrase.split(" ")]),
);

/**
 * Words a number after them refers to a part of a text ("Điều 16", "khoản 2"): the number is a
 * reference, found through the pair ("dieu_16") alone, so the "16" of "con tui 16 tuổi" does not
 * match every section citing Điều 16 (each section's indexed text ends with its reference line).
 */
const REFERENCE_WORDS = new Set(["dieu", "khoan", "chuong"]);

/** Words that carry no topic on their own (question fillers, pronouns, particles). */
const STOPWORDS = new Set(
  (
    "a ah oi nha nhe nhi ha ta thi la ma va voi cua cac nhung mot nay do day kia ay roi chu gi nao sao " +
    "the khong co duoc phai bi se da cung neu khi de ve trong toi minh em anh bot " +
    "giup gium xin cho nhu biet muon can"
  ).split(" "),
);

/**
 * Southern colloquial forms that are unambiguous only with their diacritics ("nhiêu" is "bao nhiêu",
 * "nhiều" is "many"; "vô HTX" is "vào", "vô hiệu" is not), rewritten before folding.
 */
const word = (pattern: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, "gu");
const ACCENTED_REWRITES: Array<[RegExp, string]> = [
  [word("(?<!bao )nhiêu"), "bao nhiêu"],
  [word("mấy"), "bao nhiêu"],
  [word("hông|hổng|hôn"), "không"],
  [word("(?:vô|dzô|zô)(?! (?:hiệu|điều|cùng|số|tận|tư|ích|danh|lý|hạn|hình|chủ|tội|tình|ý))"), "vào"],
  [word("ổng"), "ông ấy"],
  [word("bả"), "bà ấy"],
  // "vậy" is a particle ("được không vậy"); folded it would read as "vay" (borrow).
  [word("vậy"), "thế"],
];

function rewriteColloquial(segment: string): string {
  let text = segment.normalize("NFC").toLowerCase();
  for (const [pattern, replacement] of ACCENTED_REWRITES) text = text.replace(pattern, replacement);
  return text;
}

/** Canonical folded syllables of one text segment (no punctuation inside). */
function canonicalSyllables(segment: string): string[] {
  const raw = foldVietnamese(rewriteColloquial(segment))
    .split(" ")
    .filter(Boolean)
    .flatMap((s) => (ABBREVIATIONS[s] ?? s.replace(/^0+(\d)/, "$1")).split(" "));
  const out: string[] = [];
  for (let i = 0; i < raw.length;) {
    const rule = REWRITES.find(
      (r) =>
        r.from.every((s, j) => raw[i + j] === s) &&
        (!r.after || r.after.test(raw[i + r.from.length] ?? "")) &&
        (!r.before || r.before.test(raw[i - 1] ?? "")),
    );
    if (rule) {
      out.push(...rule.to);
      i += rule.from.length;
    } else {
      out.push(raw[i]!);
      i += 1;
    }
  }
  return out;
}

const SEGMENT_BREAK = /[.,;:!?()[\]{}"“”'‘’\n\r\t•–—-]+/u;

/** Canonical folded syllables of each punctuation-free segment of a text (abbreviations expanded, rewrites applied). */
export function canonicalSegments(text: string): string[][] {
  return text
    .split(SEGMENT_BREAK)
    .map(canonicalSyllables)
    .filter((syllables) => syllables.length > 0);
}

/** Accented lower-case syllables of a segment that differ from their folded form. */
function accentedSyllables(segment: string): string[] {
  return segment
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && foldVietnamese(w) !== w)
    .map((w) => `~${w}`);
}

export interface TermOptions {
  /** Include accented syllables (only useful when the text has diacritics). Default true. */
  accents?: boolean;
}

/** All search terms of a text, with repetition (term frequency matters). */
export function searchTerms(text: string, options: TermOptions = {}): string[] {
  const terms: string[] = [];
  for (const segment of text.split(SEGMENT_BREAK)) {
    const syllables = canonicalSyllables(segment);
    for (let i = 0; i < syllables.length; i += 1) {
      const s = syllables[i]!;
      const reference = /^\d+$/.test(s) && REFERENCE_WORDS.has(syllables[i - 1] ?? "");
      if (!STOPWORDS.has(s) && !reference) terms.push(s);
      const next = syllables[i + 1];
      if (next && !(STOPWORDS.has(s) && STOPWORDS.has(next))) terms.push(`${s}_${next}`);
      for (const compound of COMPOUNDS) {
        if (compound[0] === s && compound.every((c, j) => syllables[i + j] === c)) terms.push(compound.join("_"));
      }
      for (const [concept, phrase] of CONCEPT_PHRASES) {
        if (phrase[0] === s && phrase.every((c, j) => syllables[i + j] === c)) terms.push(concept);
      }
      // "3 người", "05 thành viên": a count of people, as "bao nhiêu người" asks for.
      if (/^\d+$/.test(s) && next && PEOPLE_UNITS.has(next)) terms.push(PEOPLE_COUNT);
    }
    if (options.accents !== false) terms.push(...accentedSyllables(segment));
  }
  return terms;
}
