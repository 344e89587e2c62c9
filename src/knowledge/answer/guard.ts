import { foldVietnamese } from "../../lib/vietnamese.js";

/**
 * Screens a question before retrieval: prompt injection (in Vietnamese or English) and topics the
 * bot must not advise on (FACTS.md §9). Patterns work on folded text, so they match with or
 * without diacritics; they name intents, never particular test questions.
 */

export type DeclineTopic = "weather" | "market" | "investment" | "guarantee" | "personal-data" | "fraud" | "farming";

export type GuardVerdict =
  | { kind: "ok" }
  | { kind: "injection"; remainder: string }
  | { kind: "out-of-scope"; topic: DeclineTopic };

const INJECTION: RegExp[] = [
  /\b(bo qua|phot lo|quen|khong can (tuan theo|lam theo)) (het |moi |tat ca |cac |nhung )*(huong dan|chi dan|chi thi|quy tac|lenh|yeu cau|cau lenh|thiet lap)\b/,
  /\b(ignore|disregard|forget|override) (all |any |the |your |previous |prior |above |earlier )*(instructions?|prompts?|rules?|guidelines?)\b/,
  /\b(system prompt|prompt he thong|api key|developer mode|jailbreak|you are now|act as|pretend to be|dan mode)\b/,
  /\b(tu nay|tu gio|bat dau tu bay gio|ke tu bay gio) ((ban|may|bot) (hay|phai|la|se|chi)|hay (noi|tra loi))\b/,
  /\b(hay|phai) (noi|tra loi|khang dinh|xac nhan) (rang|la) (luat|quy dinh|nghi dinh)\b/,
  /\b(dong vai|gia vo|gia lam|hay coi nhu|cu coi nhu)\b/,
  /\b(tiet lo|cho (toi|tui|minh) (xem|biet)) (cau hinh|prompt|mat khau|khoa|ma nguon|huong dan he thong)\b/,
];

/**
 * Folded text is ambiguous ("con bao" is "cơn bão" and "còn bao lâu", "mua bao" is "mưa bão" and
 * "mua bảo hiểm", "gia ca" is "giá cá" and "tham gia cả"), so each pattern needs the context that
 * makes the out-of-scope reading the only one: a storm is named with what storms do or are called
 * ("cơn bão số 3", "bão lớn", "bão đổ bộ"), a price word never follows "tham"/"quốc"/"chuyên"
 * ("tham gia", "quốc gia", "chuyên gia"), and so on.
 */
const NOT_A_PRICE = String.raw`(?<!\b(?:tham|quoc|chuyen) )`;
const OUT_OF_SCOPE: Array<[DeclineTopic, RegExp]> = [
  [
    "weather",
    new RegExp(
      String.raw`\b(thoi tiet|du bao (thoi tiet|mua|bao|nang|lu)|bao so \d+|(con|tin|tam) bao (so|lon|manh|nay|sap|dang|vao|do bo)|bao (lon|manh|do bo|sap (den|toi|vao)|dang (den|toi|vao))|mua bao (lon|to|keo dai|sap|dang|khong|chua|nua|o|tai|mien|vung)|mua bao(?= *([?.!,]|$))|ap thap|nhiet do|troi (co )?mua|nang nong|weather)\b`,
    ),
  ],
  [
    "market",
    new RegExp(
      String.raw`\b(${NOT_A_PRICE}gia (lua|gao|heo|tom|ca(?! (nhan|hai|ba|the|nuoc|nam))|trai cay|sau rieng|xoai|phan bon|vang|do la|usd|ca phe|tieu(?! (thu|dung|chuan|chi|bieu))|cao su|nong san|thit|trung(?! (tam|uong|gian|binh|thanh|thu))|rau|hanh tim|hanh la|mia|khom|thom|dua|bap|chanh|buoi|vit|ga|bo|ech|luon)|${NOT_A_PRICE}gia (ca )?thi truong|${NOT_A_PRICE}gia (?!tri |thanh |han )(\w+ ){0,3}(hom nay|bay gio|tuan nay|thang nay)|bao nhieu tien (mot|1) (ky|kg|ki lo|ta|tan|con))\b`,
    ),
  ],
  [
    "investment",
    /\b((?<!phat hanh )co phieu|chung khoan|bitcoin|tien ao|tien ma hoa|crypto|forex|ngoai hoi|(danh|choi|ghi|so) lo de|choi (lo|de)|xo so|ca do (bong|da banh|the thao)|(choi|di|nen) ca do|stock)\b/,
  ],
  [
    "guarantee",
    /\b(bao lanh (cho|giup|gium) (toi|tui|minh|em|con|tao)|(hua|dam bao|cam ket|chac chan) (la |rang )?(toi |tui |minh |em )?(se )?duoc (vay|giai ngan|duyet)|(duyet|giai ngan) (cho|giup) (toi|tui|minh|em) (vay|khoan))\b/,
  ],
  [
    "personal-data",
    /\b((so dien thoai|sdt|dia chi|cccd|can cuoc|cmnd|so tai khoan|thong tin ca nhan) (cua|nha) ((ong|ba|anh|chi|co|chu|bac|di)(?! (nhanh|quan|so|dong|phan|ban|nhiem|tich|the|ho|tai khoan|trang trai|doanh nghiep))|hang xom|nguoi khac)|danh sach (so dien thoai|sdt)|(xin|lay|tim|tra) (so dien thoai|sdt|dia chi|cccd) (cua|nha))\b/,
  ],
  ["fraud", /\b(thanh vien ao|xa vien ao|lach luat|khai man|lam gia (giay|ho so|chu ky|con dau|danh sach)|qua mat (can bo|thanh tra|ngan hang))\b/],
  [
    "farming",
    /\b(thuoc (tru sau|tru co|bao ve thuc vat|bvtv|diet)|bon phan (gi|nao|loai|cho (lua|cay|rau|ca phe|sau rieng|xoai|tieu))|(cach|nen|khi nao|luc nao) bon phan|phan bon (gi|nao|loai nao)|tri benh|benh (dao on|vang la|dom|lo mo)|ky thuat (trong|nuoi|canh tac)|giong (lua|tom|ca) (nao|gi) (tot|nang suat))\b/,
  ],
];

const SENTENCE = /[^.!?\n;:]+[.!?\n;:]*/g;

export function screenQuestion(question: string): GuardVerdict {
  const folded = foldVietnamese(question);
  if (INJECTION.some((p) => p.test(folded))) {
    // Keep the sentences without instructions: a real question inside is still answered correctly.
    const remainder = (question.match(SENTENCE) ?? [])
      .filter((sentence) => !INJECTION.some((p) => p.test(foldVietnamese(sentence))))
      .join(" ")
      .trim();
    return { kind: "injection", remainder };
  }
  const topic = OUT_OF_SCOPE.find(([, pattern]) => pattern.test(folded))?.[0];
  return topic ? { kind: "out-of-scope", topic } : { kind: "ok" };
}
