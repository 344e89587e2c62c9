import { foldVietnamese } from "../../lib/vietnamese.js";

/**
 * Questions written in English: spotted by common English words in a text without Vietnamese
 * diacritics, then the words of our topics are mapped to Vietnamese through a small glossary, so
 * "How many members does a cooperative need?" is searched as "bao nhiêu thành viên hợp tác xã".
 */

/** Common English words that are not also Vietnamese syllables typed without diacritics ("can", "may", "do"). */
const ENGLISH_WORDS = new Set(
  (
    "is are was does did could should would will how what when where who which why " +
    "my our you your this that there of for with without from about need needs want " +
    "many much get has have must please tell any and or not if hello hey there help speak english understand " +
    "good morning evening afternoon thanks thank"
  ).split(" "),
);

/** English words and phrases of our topics, longest first when matched. */
const TERMS: Array<[string, string]> = [
  ["cooperative group", "tổ hợp tác"],
  ["cooperative union", "liên hiệp hợp tác xã"],
  ["general meeting", "đại hội thành viên"],
  ["board of directors", "hội đồng quản trị"],
  ["management board", "hội đồng quản trị"],
  ["supervisory board", "ban kiểm soát"],
  ["personal data", "dữ liệu cá nhân"],
  ["interest rate", "lãi suất"],
  ["social insurance", "bảo hiểm xã hội"],
  ["how many", "bao nhiêu"],
  ["how much", "bao nhiêu"],
  ["how long", "bao lâu"],
  ["at least", "tối thiểu"],
  ["minimum", "tối thiểu"],
  ["maximum", "tối đa"],
  // What the law requires: a rule, the same in every province, not a local figure.
  ["required", "bắt buộc"],
  ["needs", "cần"],
  ["need", "cần"],
  ["must", "phải"],
  ["cooperatives", "hợp tác xã"],
  ["cooperative", "hợp tác xã"],
  ["coop", "hợp tác xã"],
  ["co op", "hợp tác xã"],
  ["members", "thành viên"],
  ["member", "thành viên"],
  ["capital", "vốn góp"],
  ["contribute", "góp vốn"],
  ["contribution", "góp vốn"],
  ["loans", "vay vốn"],
  ["loan", "vay vốn"],
  ["borrow", "vay vốn"],
  ["collateral", "tài sản bảo đảm"],
  ["unsecured", "không có tài sản bảo đảm"],
  ["register", "đăng ký"],
  ["registration", "đăng ký"],
  ["establish", "thành lập"],
  ["found", "thành lập"],
  ["start", "thành lập"],
  ["dissolve", "giải thể"],
  ["dissolution", "giải thể"],
  ["bankruptcy", "phá sản"],
  ["vote", "biểu quyết"],
  ["votes", "biểu quyết"],
  ["director", "giám đốc"],
  ["profit", "chia lãi"],
  ["profits", "chia lãi"],
  ["dividend", "chia lãi"],
  ["land", "đất đai"],
  ["support", "hỗ trợ"],
  ["subsidy", "hỗ trợ"],
  ["tax", "thuế"],
  ["insurance", "bảo hiểm"],
  ["leave", "ra khỏi"],
  ["withdraw", "ra khỏi"],
  ["quit", "ra khỏi"],
  ["join", "vào"],
  ["fee", "lệ phí"],
  ["fees", "lệ phí"],
  ["charter", "điều lệ"],
  ["fund", "quỹ"],
  ["farmer", "nông dân"],
  ["farmers", "nông dân"],
  ["household", "hộ gia đình"],
  ["online", "trực tuyến"],
  ["video call", "trực tuyến"],
  ["video", "trực tuyến"],
  ["remotely", "trực tuyến"],
  ["meeting", "họp"],
  ["foreign investor", "nhà đầu tư nước ngoài"],
  ["foreigners", "người nước ngoài"],
  ["foreign", "nước ngoài"],
  ["merge", "sáp nhập"],
  ["merger", "sáp nhập"],
  ["audit", "kiểm toán"],
  ["accountant", "kế toán"],
  ["accounting", "kế toán"],
  ["bad debt", "nợ xấu"],
  ["debt", "nợ"],
  ["debts", "nợ"],
  ["deadline", "thời hạn"],
  ["days", "ngày"],
  ["documents", "hồ sơ"],
  ["people", "người"],
  ["persons", "người"],
  ["age", "tuổi"],
  ["old", "tuổi"],
  ["foreigner", "người nước ngoài"],
  ["viet nam", "Việt Nam"],
  ["vietnam", "Việt Nam"],
  ["nationwide", "cả nước"],
];
const GLOSSARY = [...TERMS].sort((a, b) => b[0].length - a[0].length);

export interface EnglishQuestion {
  /** The topic words in Vietnamese, in the question's order; null when none of ours appear. */
  vietnamese: string | null;
}

/** Glossary words farmers also use in Vietnamese ("họp online", "gửi video"): they make no text English. */
const LOANWORDS = new Set(["online", "video", "coop"]);

/**
 * The words an English question is recognised by: the common ones and our topics' single words, none of
 * them a Vietnamese syllable ("Can a foreigner become a member?" has one common word but two of ours).
 */
const QUESTION_WORDS = new Set([
  ...ENGLISH_WORDS,
  ...GLOSSARY.map(([en]) => en).filter((en) => !en.includes(" ") && !LOANWORDS.has(en)),
  "become",
]);

/** How many distinct English words (of `vocabulary`) a text without Vietnamese diacritics has (0 with diacritics). */
function englishWordCount(text: string, vocabulary: ReadonlySet<string> = ENGLISH_WORDS): number {
  if (
    foldVietnamese(text) !==
    text
      .normalize("NFC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
  )
    return 0;
  return new Set(
    foldVietnamese(text)
      .split(" ")
      .filter((w) => vocabulary.has(w)),
  ).size;
}

/** English words that are also Vietnamese syllables without diacritics ("thật", "Mỹ"): not enough alone. */
const ALSO_VIETNAMESE = ["that", "my"];

/** True for small talk with an English word in it ("hi there", "thank you"): it gets the bilingual note too. */
export function hasEnglish(text: string): boolean {
  return englishWordCount(text.replace(new RegExp(`\\b(${ALSO_VIETNAMESE.join("|")})\\b`, "gi"), "")) > 0;
}

/** An English question, or null for Vietnamese (with or without diacritics). */
export function englishQuestion(text: string): EnglishQuestion | null {
  // None of these words is a Vietnamese syllable, so two of them make the text English.
  if (englishWordCount(text, QUESTION_WORDS) < 2) return null;
  const words = foldVietnamese(text).split(" ").filter(Boolean);
  const found: Array<{ at: number; vi: string }> = [];
  let rest = ` ${words.join(" ")} `;
  for (const [en, vi] of GLOSSARY) {
    let at = rest.indexOf(` ${en} `);
    while (at >= 0) {
      found.push({ at, vi });
      rest = `${rest.slice(0, at + 1)}${"_".repeat(en.length)}${rest.slice(at + 1 + en.length)}`;
      at = rest.indexOf(` ${en} `);
    }
  }
  const vietnamese = found.sort((a, b) => a.at - b.at).map((f) => f.vi);
  return {
    vietnamese: vietnamese.some((v) => !["bao nhiêu", "bao lâu", "người", "tuổi"].includes(v))
      ? vietnamese.join(" ")
      : null,
  };
}
