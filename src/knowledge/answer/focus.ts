import { namedEntities } from "../text/entities.js";
import { canonicalSegments } from "../text/search-terms.js";

/**
 * What a question is about: the subjects of cooperative life it names (land, votes, dissolution,
 * bookkeeping …), from a small lexicon of the domain's subjects in farmers' and the law's words.
 * A passage that names too few of them answers another question, however many common words it
 * shares, and the answer must say so. Phrases are matched on canonical syllables (abbreviations
 * expanded, colloquial forms rewritten), so "hùn vốn" and "góp vốn" meet.
 */
const SUBJECTS: Record<string, string[]> = {
  land: [
    "dat dai",
    "dat ruong",
    "ruong dat",
    "dat nong nghiep",
    "thue dat",
    "giao dat",
    "su dung dat",
    "manh dat",
    "thua dat",
    "mieng dat",
    "cong dat",
    "gop dat",
    "bang dat",
    "dat vuon",
    "dat san xuat",
    "ruong",
    "vuon",
    "ao nuoi",
    "quyen su dung",
  ],
  vote: ["bieu quyet", "phieu", "tan thanh"],
  dissolution: ["giai the", "giai tan", "dong cua"],
  // Bankruptcy is a court's procedure, not the members' decision to dissolve: its own subject.
  bankruptcy: ["pha san"],
  accounting: ["ke toan", "so sach", "bao cao tai chinh", "kiem toan"],
  capital: ["von", "gop"],
  profit: ["loi nhuan", "chia lai", "chia loi", "phan phoi", "thu nhap", "tien loi", "tien lai"],
  salary: ["luong", "tien cong", "thu lao", "phu cap"],
  tax: [
    "nop thue",
    "dong thue",
    "thue hop tac xa",
    "thue to hop tac",
    "muc thue",
    "mien thue",
    "giam thue",
    "uu dai thue",
    "thue thu nhap",
    "thue mon bai",
    "thue gia tri",
    "le phi",
  ],
  insurance: ["bao hiem"],
  loan: [
    "vay von",
    "von vay",
    "tien vay",
    "vay",
    "tin dung",
    "lai suat",
    "tai san bao dam",
    "tra no",
    "khoan no",
    "no xau",
    "mac no",
  ],
  seal: ["con dau", "chu ky so"],
  charter: ["dieu le"],
  meeting: ["dai hoi", "cuoc hop", "trieu tap", "hop dai hoi", "hop thanh vien"],
  director: ["giam doc", "chu nhiem"],
  board: ["hoi dong quan tri", "chu tich"],
  control: ["ban kiem soat", "kiem soat vien"],
  membership: ["ket nap", "ra khoi", "khai tru", "tu cach thanh vien", "cham dut tu cach"],
  registration: ["dang ky", "giay chung nhan", "ho so"],
  assets: ["tai san"],
  support: ["ho tro", "uu dai"],
  dispute: ["tranh chap", "khieu nai", "to cao", "khoi kien"],
  reorganisation: ["sap nhap", "hop nhat", "chia tach", "chuyen doi"],
  branch: ["chi nhanh", "van phong dai dien", "dia diem kinh doanh"],
  personal_data: ["du lieu ca nhan", "so dien thoai", "thong tin ca nhan"],
  training: ["dao tao", "boi duong", "tap huan"],
  market: ["thuong hieu", "nhan hieu", "xuc tien thuong mai", "thuong mai dien tu", "tieu thu"],
  family: ["vo chong", "cha me", "nguoi than", "quan he gia dinh", "con cai"],
  inheritance: ["thua ke", "qua doi", "chet", "biet tich"],
  labour: ["lao dong", "viec lam"],
  notice: ["thong bao", "niem yet", "cong khai", "giay moi"],
};

/**
 * Phrases holding a subject's word that name no subject: "số lượng" (how many) and "chất lượng" are
 * not "lương"; the funds' names are lenders, so "hỗ trợ" in "Quỹ hỗ trợ nông dân" asks for no support.
 */
const NOT_SUBJECTS = [
  "so luong",
  "chat luong",
  "luong thuc",
  "doi luong",
  "dung luong",
  "quy ho tro phat trien hop tac xa",
  "quy ho tro nong dan",
];

const PHRASES = [...Object.entries(SUBJECTS), ["", NOT_SUBJECTS] as const]
  .flatMap(([subject, phrases]) => phrases.map((p) => ({ subject, syllables: p.split(" ") })))
  .sort((a, b) => b.syllables.length - a.syllables.length);

/**
 * Single words that name a subject only with their diacritics: folded, "dat" is also "đạt"/"đặt" and
 * "thue" is also "thuê" (rent), but "đất" and "thuế" typed in full are land and tax.
 */
const ACCENTED: Array<[RegExp, string]> = [
  [/(?<!\p{L})đất(?!\p{L})/u, "land"],
  [/(?<!\p{L})thuế(?!\p{L})/u, "tax"],
];

/** Subjects named in a text (longest phrase first, so "tài sản bảo đảm" is a loan, not assets). */
export function subjectsOf(text: string): Set<string> {
  const found = new Set<string>();
  const lower = text.normalize("NFC").toLowerCase();
  for (const [word, subject] of ACCENTED) if (word.test(lower)) found.add(subject);
  for (const syllables of canonicalSegments(text)) {
    for (let i = 0; i < syllables.length;) {
      const match = PHRASES.find((p) => p.syllables.every((s, j) => syllables[i + j] === s));
      if (match?.subject) found.add(match.subject);
      i += match ? match.syllables.length : 1;
    }
  }
  return found;
}

/**
 * True when a passage names enough of the question's subjects: all but one of them (at least one).
 * A question naming none has no focus to check.
 */
export function coversFocus(question: ReadonlySet<string>, passage: ReadonlySet<string>): boolean {
  if (question.size === 0) return true;
  const shared = [...question].filter((s) => passage.has(s)).length;
  // Two subjects ("giải thể" + "vốn góp") are both the question: a passage with one answers another.
  return shared >= (question.size <= 2 ? question.size : question.size - 1);
}

/**
 * Words of the assistant's domain beyond the subjects above: the law and its parts, the state and
 * its offices, farming as a trade, money matters. Single syllables that fold like everyday words
 * ("bán"/"bạn", "lãi"/"lại", "đất"/"đạt") are left out; their phrases are in.
 */
const DOMAIN = [
  "thanh vien",
  "luat",
  "nghi dinh",
  "quy dinh",
  "phap luat",
  "chinh sach",
  "nha nuoc",
  "can bo",
  "uy ban",
  "nong dan",
  "nong nghiep",
  "doanh nghiep",
  "kinh doanh",
  "hop dong",
  "thu tuc",
  "von",
  "cong chung",
  "xu phat",
  "vi pham",
  "bi cam",
  "nghia vu",
  "trach nhiem",
  "thanh lap",
  "dai dien",
  "uy quyen",
  "hop tac",
  "dich vu",
  "san xuat",
  "can tho",
  "soc trang",
  "ngan hang",
  "thu nhap",
  "ra khoi",
  "vay",
  "quyen loi",
  "quyen han",
  "giay to",
  "dong thue",
  "lai suat",
  "tien lai",
  "khoan vay",
  "to truong",
  "thanh tra",
  "dong gop",
  "gop",
].map((phrase) => phrase.split(" "));

/**
 * True when a text names anything of the assistant's domain: a subject, an organisation, lender or
 * kind of borrower, or a word of the law, the state, farming as a trade or money. A question that
 * names none ("bot có nhớ tui không", "học tiếng Anh ở đâu") is about something else, however many
 * everyday words it shares with the law.
 */
export function namesOurDomain(text: string): boolean {
  if (subjectsOf(text).size > 0 || namedEntities(text).size > 0) return true;
  return canonicalSegments(text).some((syllables) =>
    syllables.some((_, i) => DOMAIN.some((phrase) => phrase.every((s, j) => syllables[i + j] === s))),
  );
}
