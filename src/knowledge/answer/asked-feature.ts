/**
 * What a question word asks for, as a feature of the sentence that answers it: "khi nào" a condition
 * or a time, "bao lâu" a duration, "bao nhiêu phần trăm" a share, "ai" a person or a body, "ở đâu" a place or an office. A sentence
 * quoted for such a question should carry that feature, not only share the question's topic words
 * ("bao lâu thì nhận lại vốn" is answered by the deadline, not by "Điều lệ quyết định").
 */

/** "ai", "cơ quan nào": the question asks for a person or a body. */
const ASKS_WHO = /\b(ai|nguoi nao|co quan nao|cap nao|ben nao)\b/;
/** "ở đâu", "nộp đâu": the question asks for a place or an office. */
const ASKS_WHERE = /\b(o dau|cho nao|noi nao|(nop|lam|lanh|nhan|dang ky|gui|hoi) dau)\b/;

/** Question words, on folded text, each with the feature (on the original text) of a sentence answering it. */
const ASKED: Array<{ asks: RegExp; answers: RegExp }> = [
  {
    asks: /\b(khi nao|luc nao|bao gio|truong hop nao|dieu kien gi|dieu kien nao)\b/,
    answers:
      /(?<!\p{L})(khi|nếu|trường hợp|với điều kiện|chỉ được|phải có|trong thời hạn|kể từ|chậm nhất|trước ngày|sau khi)(?!\p{L})/iu,
  },
  {
    asks: /\b(bao lau|may (ngay|thang|nam|tuan)|bao nhieu (ngay|thang|nam|tuan)|thoi han|han chot)\b/,
    answers: /(?<!\p{L})(\d+\s*(ngày|tháng|năm|tuần)|thời hạn|chậm nhất|kể từ)(?!\p{L})/iu,
  },
  {
    asks: /\b(phan tram|bao nhieu %|may %|ti le|ty le)\b/,
    answers: /(\d+([.,]\d+)?\s*%|(?<!\p{L})(phần trăm|tỷ lệ|tỉ lệ)(?!\p{L}))/iu,
  },
  {
    asks: ASKS_WHO,
    answers:
      /(?<!\p{L})(Đại hội thành viên|Hội đồng quản trị|Giám đốc|Chủ tịch|Ban kiểm soát|kiểm soát viên|cơ quan|Ủy ban nhân dân|UBND|Tòa án|người đại diện|người triệu tập)(?!\p{L})/u,
  },
  {
    asks: ASKS_WHERE,
    answers: /(?<!\p{L})(tại|cơ quan đăng ký|Ủy ban nhân dân|UBND|trụ sở|nơi|cấp xã|cấp tỉnh)(?!\p{L})/iu,
  },
];

/** Bonus to a sentence or khoản carrying what the question word asks for, over its share of the question's terms. */
export const ASKED_FEATURE_BONUS = 0.1;

/** The feature of a sentence answering what the folded question's question word asks, or null. */
export function askedFeature(foldedQuestion: string): RegExp | null {
  return ASKED.find(({ asks }) => asks.test(foldedQuestion))?.answers ?? null;
}

/** True when the folded question asks who or where: a body or an office, which the law names for every province. */
export const asksWhoOrWhere = (foldedQuestion: string): boolean =>
  ASKS_WHO.test(foldedQuestion) || ASKS_WHERE.test(foldedQuestion);

/** A question about what one must have or be: "cần bằng cấp gì", "điều kiện gì", "tiêu chuẩn", "ai được làm". */
const ASKS_REQUIREMENTS =
  /\b(dieu kien|tieu chuan|bang cap|trinh do|yeu cau gi|(can|phai) (co )?(nhung )?gi (de|moi|thi)|ai (duoc|co the) (lam|lam thanh|vao))\b/;
/** A heading of a passage stating such requirements ("Điều kiện trở thành …", "Ai không được làm …?"). */
const STATES_REQUIREMENTS =
  /(?<!\p{L})(điều kiện|tiêu chuẩn|yêu cầu|ai (không )?được|cần những gì|phải có gì)(?!\p{L})/iu;

/** True when the folded question asks what one must have or be to do something. */
export const asksRequirements = (foldedQuestion: string): boolean => ASKS_REQUIREMENTS.test(foldedQuestion);
/** True when a heading announces requirements: such a passage answers a question asking for them. */
export const statesRequirements = (heading: string): boolean => STATES_REQUIREMENTS.test(heading);
