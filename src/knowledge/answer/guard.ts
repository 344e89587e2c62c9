import { foldVietnamese } from "../../lib/vietnamese.js";
import { chatSpelling } from "../text/chat-spelling.js";
import { englishQuestion, hasEnglish } from "./english.js";
import { chatAct, type ChatAct } from "./small-talk.js";

/**
 * Screens a question before retrieval: prompt injection (in Vietnamese or English) and topics the
 * bot must not advise on (FACTS.md §9). Patterns work on folded text, so they match with or
 * without diacritics; they name intents, never particular test questions.
 */

export type DeclineTopic =
  | "weather"
  | "market"
  | "investment"
  | "lottery"
  | "guarantee"
  | "personal-data"
  | "own-data"
  | "fraud"
  | "evasion"
  | "farming"
  | "health"
  | "politics"
  | "directory"
  | "other";

export type GuardVerdict =
  | { kind: "ok" }
  | { kind: "injection"; remainder: string }
  | { kind: "out-of-scope"; topic: DeclineTopic }
  /** `english`: written in English ("hi there"), answered with the bilingual note too. */
  | { kind: "chat"; act: ChatAct; english?: true }
  /** `vietnamese`: the question's topic words in Vietnamese, null when none of ours appear. */
  | { kind: "english"; vietnamese: string | null };

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
/** Days ahead, as a forecast question names them. */
const SOON = "(mai|mot|toi nay|chieu nay|ngay mai|tuan (nay|sau|toi)|thang (nay|sau|toi)|nam nay)";
const NOT_A_PRICE = String.raw`(?<!\b(?:tham|quoc|chuyen) )`;
/** Pests and diseases as farmers name them; "sâu" (worm) only with a treatment word, as "sau" is "after". */
const PESTS = "ray|sau|benh|oc|chuot|nam|co dai|bo tri|nhen|rep|sau ray";
const PEST_NAMES =
  "ray (nau|lung trang|xanh)|sau (cuon la|duc than|keo|to|ve bua)|oc buou vang|dao on|vang lun|lun xoan la|bo tri|nhen gie";
/** What a grower wants of a crop or a herd: flowers, fruit, fast growth. */
const HARVEST_OUTCOME = "ra bong|ra hoa|dau trai|dau qua|sai trai|dau bong|mau lon|lon nhanh|nang suat cao|trai to";
/** Data about a person that only that person may hand out. */
const PERSONAL_DATA =
  "(so dien thoai|so dt|sdt|dien thoai|dia chi|nha (o|nam) dau|cccd|can cuoc|cmnd|so tai khoan|stk|thong tin (ca nhan|lien lac|lien he)|zalo|email|ngay sinh)";
/** Someone other than the asker. Titles that are also common words ("có", "chỉ", "ba") need "của". */
const NOT_A_NAME = String.raw`(?!(nhanh|quan|so|dong|phan|ban|nhiem|tich|the|ho|tai khoan|trang trai|doanh nghiep|toi|tui|minh|ay|ta|con|co|la|can|duoc|khong)\b)\w+`;
const TITLED = String.raw`(ong|ba|anh|chi|co|chu|bac|di|thim|cau|mo|em|chau) ${NOT_A_NAME}`;
const OTHERS = String.raw`hang xom|nguoi (khac|ta|dang ky|vua dang ky|da dang ky|trong danh sach)|thanh vien khac|cac thanh vien|ai (da |vua )?dang ky`;
const NAMED = String.raw`(ong|anh|chu|bac|thim) ${NOT_A_NAME}`;
/** The asker, in the forms farmers use for themselves. */
const ASKER = "(tui|toi|em|minh|con|chau)";
/** What happens to data: who keeps or sees it, whether it is passed on, how long it stays. */
const HANDLED = String.raw`(ai (giu|xem|biet|doc|coi|quan ly)|(dua|gui|ban|chia se|cung cap) (cho |ra )?(nguoi khac|ai|ben khac|cong ty)|bi (lo|lo ra|dua|ban|lam dung)|(co )?an toan|bao mat|(de|dung) (lam|vao|cho) (gi|viec gi)|luu (bao lau|o dau|de lam gi)|xoa (di )?(duoc|the nao|sao|o dau))`;
/** Dodging the law: taxes, debts, bribes. */
const EVADE = String.raw`tron thue|ne thue|lach thue|tron no|quyt no|xu no|hoi lo|dut lot|lot tay|chay (hs|ho so)|qua mat thue|vay (\w+ ){0,3}(roi|xong) (khong|hong|ko|khoi) (phai )?tra`;
/** Organisations a farmer may want to reach. */
const ORGS =
  "htx|hop tac xa|to hop tac|quy|ngan hang|ubnd|uy ban|xa|phuong|phong nong nghiep|so nong nghiep|khuyen nong";
/** Who holds a post in one of them; their contacts are asked of that office, not of the law. */
const POST_HOLDER = String.raw`((ong|ba|anh|chi|co|chu) )?(giam doc|chu tich|chu nhiem|pho chu tich|ke toan|thu quy|truong ban|can bo)`;
/** The name of one of them ("HTX Tân Long"): words that are not what a rule would ask. */
const ORG_NAME = String.raw`( (?!(phai|can|duoc|co|ghi|dang|thuong|la|se|bi|khi|thi|nao)\b)\w+){1,6}?`;
const OUT_OF_SCOPE: Array<[DeclineTopic, RegExp]> = [
  [
    "weather",
    new RegExp(
      String.raw`\b(thoi tiet|du bao (thoi tiet|mua|bao|nang|lu)|bao so \d+|(con|tin|tam) bao (so|lon|manh|nay|sap|dang|vao|do bo)|bao (lon|manh|do bo|sap (den|toi|vao)|dang (den|toi|vao))|mua bao (lon|to|keo dai|sap|dang|khong|chua|nua|o|tai|mien|vung)|mua bao(?= *([?.!,]|$))|ap thap|nhiet do|troi (co )?mua|nang nong|weather|${SOON} (\w+ ){0,3}co (mua|lu|bao|han|nang) (khong|hong|ko|k|chua|to|lon|nhieu)|lu (co )?(ve|len|toi) (chua|khong|hong|ko|som|muon|chua))\b`,
    ),
  ],
  [
    "market",
    new RegExp(
      String.raw`\b(${NOT_A_PRICE}gia (lua|gao|heo|tom|ca(?! (nhan|hai|ba|the|nuoc|nam))|trai cay|sau rieng|xoai|phan bon|vang|do la|usd|ca phe|tieu(?! (thu|dung|chuan|chi|bieu))|cao su|nong san|thit|trung(?! (tam|uong|gian|binh|thanh|thu))|rau|hanh tim|hanh la|mia|khom|thom|dua|bap|chanh|buoi|vit|ga|bo|ech|luon)|${NOT_A_PRICE}gia (ca )?thi truong|${NOT_A_PRICE}gia (?!tri |thanh |han )(\w+ ){0,3}(hom nay|bay gio|tuan nay|thang nay)|bao nhieu tien (mot|1) (ky|kg|ki lo|ta|tan|con))\b`,
    ),
  ],
  // Games of chance: lottery tickets, lô đề, picking "lucky" numbers, betting.
  [
    "lottery",
    /\b(xo so|ve so|vietlott|keno|xs ?(mn|mb|mt|kt)|(danh|choi|ghi|so|bao|con) (lo de|lo|de)|soi cau|con so may man|so (nao|gi|may) (se |de |hay )?(trung|ve|no|dep)|(du doan|doan) (so|ket qua xo)|trung (so|lo|de|giai doc dac)|giai doc dac|ca do (bong|da banh|the thao)|(choi|di|nen) ca do|danh bai|ca cuoc)\b/,
  ],
  [
    "investment",
    /\b((?<!phat hanh )co phieu|chung khoan|bitcoin|mua vang|vang (len|xuong|tang|giam)|tien ao|tien ma hoa|crypto|forex|ngoai hoi|stock)\b/,
  ],
  [
    "guarantee",
    /\b(bao lanh (cho|giup|gium) (toi|tui|minh|em|con|tao)|(hua|dam bao|cam ket|chac chan) (la |rang )?(toi |tui |minh |em )?(se )?duoc (vay|giai ngan|duyet)|(duyet|giai ngan) (cho|giup) (toi|tui|minh|em) (vay|khoan))\b/,
  ],
  // The asker's own data as this assistant keeps it ("số điện thoại của tui có bị đưa cho người khác
  // không", "thông tin của tui ai giữ"): answered with how registrations are kept, not a refusal.
  ["own-data", new RegExp(String.raw`\b(${PERSONAL_DATA}|thong tin|du lieu) (cua )?${ASKER}( \w+){0,5} ${HANDLED}\b`)],
  // Someone else's data: a data item next to another person ("số điện thoại ông Tư", "địa chỉ người
  // vừa đăng ký", "danh sách thành viên kèm số điện thoại"); one's own ("của tui") is not refused.
  [
    "personal-data",
    new RegExp(
      String.raw`\b(${PERSONAL_DATA} (cua|nha) (${TITLED}|${OTHERS})|${PERSONAL_DATA} (${NAMED}|${OTHERS})|(${OTHERS})( \w+){0,3} ${PERSONAL_DATA}|(cho|gui|xin|dua|xuat|lay) (\w+ ){0,3}danh sach (\w+ ){0,6}(kem |co |gom |voi )?(so )?${PERSONAL_DATA}|((cho|gui|doc) (tui|toi|minh|em|anh|chi) (xin |biet |xem )?|xin )${PERSONAL_DATA} (cua|nha) (?!(toi|tui|minh|em|con)\b))\b`,
    ),
  ],
  // Faking members, signatures or papers (Điều 7): forging, signing for someone, borrowing names
  // or ID cards, declaring members or figures that do not exist.
  [
    "fraud",
    /\b(thanh vien (ao|khong co that|ma)|xa vien ao|lach luat|khai (man|gian|khong|lao|sai su that)|ke khai (khong|gian|sai) (trung thuc|su that)?|(lam|tao|in|khac) (gia|dom)|gia mao|gia (chu ky|con dau|giay|ho so|danh sach|bien ban)|(ho so|giay to|chu ky|con dau|danh sach|bien ban|so do|cccd) gia|((?<!dang )ky|ky ten|diem chi|lan tay) (thay|the|gium|dum|ho|gia)(?! doi)( \w+){0,3}( cho)? (nguoi|ong|ba|anh|chi|co|chu|bac|thanh vien|ho|may|cac|nhung)|(ghi|them|dien|ke) (dai|bua|khong) (\w+ ){0,4}(ten|nguoi|thanh vien)|(ten|nguoi) (\w+ ){0,8}(ho|nguoi ta|ba con) (khong|chua) (biet|hay|dong y)|mao danh|(muon|mua|thue|lay) (ten|cccd|can cuoc|cmnd|giay to)( cua)? (nguoi|ong|ba|anh|chi|co|chu|bac|ho|ba con|hang xom)|dung ten (gium|dum|ho|khong)|cho du (so )?(\d+ )?(nguoi|thanh vien)(?! (chinh thuc )?(theo|thi|moi|can|de|ma|la|co))|hop thuc hoa|qua mat (can bo|thanh tra|ngan hang))\b/,
  ],
  // Asking how to dodge the law: taxes, debts, bribes, double books. A question whether someone
  // else's act is legal ("cán bộ đòi tiền cà phê, vậy có sai luật không") is not a request.
  [
    "evasion",
    new RegExp(
      String.raw`\b((cach|lam sao|lam the nao|meo|chi|bay|giup|gium|co cach) (\w+ ){0,4}(${EVADE})|(de|cho) (${EVADE})|hai (bo )?so sach|so sach hai bo|(lam|ghi) so (gia|ao))\b`,
    ),
  ],
  // Health of people (the farming pattern below covers crops and animals): symptoms, medicines, doctors.
  [
    "health",
    /\b(dau (bung|lung|rang|bao tu|da day|nguc|khop|nua dau)|viem hong|nhuc dau|bi sot|sot (cao|hoai|\d+ do)|cam cum|ho (khan|dai|co dom)|tieu duong|huyet ap|mo mau|gut|ung thu|dot quy|bac si|benh vien nao|phong kham|(uong|mua) thuoc (gi|nao|tri|cam|ho|sot)|thuoc (cam|ho|ha sot|giam dau|bo|tri (dau|ho|cam|sot|tieu duong|huyet ap))|tiem (ngua|vac ?xin)|covid|kieng an|an kieng)\b/,
  ],
  // Politics and opinions on the state: elections, leaders, parties, protests.
  [
    "politics",
    /\b(bau cu (dai bieu|quoc hoi|hoi dong nhan dan|hdnd|tong thong)|dai bieu quoc hoi|chu tich nuoc|thu tuong (la ai|hien nay|moi|ten)|tong bi thu|bo chinh tri|dang cong san|chinh tri(?! xa hoi)|bieu tinh|tong thong|bau cu my|(y kien|quan diem|danh gia|nghi sao|nghi gi) (cua (bot|ban|em) )?ve (dang|nha nuoc|chinh phu|chinh quyen|lanh dao|cong san))\b/,
  ],
  // Contacts and data of a particular cooperative, fund or office: the assistant has no directory or
  // books of any one cooperative; the commune office and the cooperative's board have them.
  [
    "directory",
    new RegExp(
      String.raw`\b((so dien thoai|sdt|so dt|dia chi|hotline|zalo|email|web|trang web) (cua )?(${ORGS})${ORG_NAME}( la| o)? (gi|dau|bao nhieu|may)|(${ORGS}) nao (ban|gan|tot|uy tin|thu mua)|(xin|cho|gui|biet|tim|kiem) (\w+ ){0,3}${PERSONAL_DATA} (cua )?${POST_HOLDER}|${PERSONAL_DATA} (cua )?${POST_HOLDER}( \w+){0,6}( la| o)? (gi|dau|bao nhieu|may)|(ke ten|danh sach|liet ke|chi) (cac |may |nhung )?(${ORGS}) (o|tai|gan|trong|ben)|(giam doc|chu tich|chu nhiem|ke toan|truong ban) (cua )?(${ORGS})${ORG_NAME} (ten gi|la ai|ten la gi)(?! (bau|chon|cu|quyet|ky|dai dien))|(${ORGS}) (cua )?(tui|toi|minh|em|nha tui) (nam nay|thang nay|bay gio|hien nay|vu nay|dot nay) (loi|lai|lo|co|con|du|thu) (duoc )?bao nhieu)\b`,
    ),
  ],
  // Growing and raising: pests and diseases and what to spray, fertiliser, seed, husbandry.
  [
    "farming",
    new RegExp(
      String.raw`\b(thuoc (tri|tru|xit|phun|diet|dac tri|bao ve thuc vat|bvtv)|(xit|phun) thuoc|(tri|diet|chua|phong|xit|phun) (${PESTS})|(${PESTS}) (hai|pha|an|gay|phat|boc|nhieu|qua)|${PEST_NAMES}|bon (phan|voi|lan|dam|kali|npk) (gi|nao|loai|cho|bao nhieu|may|the nao|luc|khi|lan)|(cach|nen|khi nao|luc nao) bon (phan|voi|lan|dam|kali|npk)|phan bon (gi|nao|loai)|tri benh|benh (dao on|vang la|dom|lo mo|chay bia|lem lep|thoi|dom trang|gan|phan trang|xoan la|lun)|ky thuat (trong|nuoi|canh tac|cham soc|uom)|(cach|kinh nghiem) (trong|nuoi|cham soc|uom) (lua|cay|tom|ca|heo|ga|vit|bo|rau|xoai|sau rieng|dua|khom|mia|hanh)|giong (lua|tom|ca|xoai|sau rieng|heo|ga|vit) (nao|gi) (tot|nang suat|ngon|de)|mat do (gieo|sa|tha|trong|nuoi)|(nuoi|tha|trong|sa) (\w+ ){1,3}mat do|dich ta|dich benh (heo|ga|vit|tom|ca|bo)|lo mom long mong|cum gia cam|tai xanh|(nen|co nen) (trong|nuoi|sa|gieo) (\w+ ){0,3}(gi|nao|con gi|cay gi)|(trong|nuoi|sa|gieo) (giong )?(\w+ )?(gi|nao) (thi |cho )?(loi|tot|hieu qua|nang suat|trung)|(lua|tom|ca|cay|heo|ga|vit) bi (benh|vang|chet|thoi|sau|ray|dom|lo)|(nen|chuyen (qua|sang)) (trong|nuoi|sa|gieo) (\w+ ){1,3}hay (la )?(giu|trong|nuoi|sa|gieo|chuyen|de|lam)|(sao cho|de cho|lam sao (de|cho)?|cach (nao )?(de|cho)?|giup) (\w+ ){0,3}(${HARVEST_OUTCOME}))\b`,
    ),
  ],
  // Other domains a farmer may try: jokes, songs, cooking, football, homework, translation, fortune telling, getting rich.
  [
    "other",
    /\b(ke chuyen|chuyen cuoi|truyen cuoi|hat (cho|mot|bai)|bai hat|nau (an|canh|com|mon|sao|nhu the nao)|cach nau|mon an|cong thuc nau|da banh|bong da|tran dau|world cup|phim (gi|hay|nao)|choi game|bai toan|giai toan|bai tap (ve nha|toan|van|tieng)|dich (giup |gium |dum )?(cau|doan|bai|chu)( \w+){0,2} (sang|qua|ra) tieng|lam tho|xem boi|tu vi|phong thuy|xem tuoi|hop tuoi|ngay tot|lam giau nhanh|(tim|kiem) (nguoi yeu|vo|chong)|tinh yeu|am lich|duong lich|lich (am|van nien)|(hoc|thi) (vao )?lop \d+|thi (vao )?(dai hoc|cap \d|tot nghiep)|tuyen sinh|(thi|lay|hoc) bang lai|bang lai xe|(hom nay|nay|mai) (la )?(thu|mung|ngay) (may|bao nhieu|gi)|may gio roi)\b/,
  ],
];

const SENTENCE = /[^.!?\n;:]+[.!?\n;:]*/g;

export function screenQuestion(question: string): GuardVerdict {
  // Chat shorthand written out ("họ ko biết" is "họ không biết"): the patterns name the words once.
  const folded = chatSpelling(foldVietnamese(question));
  if (INJECTION.some((p) => p.test(folded))) {
    // Keep the sentences without instructions: a real question inside is still answered correctly.
    const remainder = (question.match(SENTENCE) ?? [])
      .filter((sentence) => !INJECTION.some((p) => p.test(foldVietnamese(sentence))))
      .join(" ")
      .trim();
    return { kind: "injection", remainder };
  }
  const topic = OUT_OF_SCOPE.find(([, pattern]) => pattern.test(folded))?.[0];
  if (topic) return { kind: "out-of-scope", topic };
  const act = chatAct(question);
  if (act) return hasEnglish(question) ? { kind: "chat", act, english: true } : { kind: "chat", act };
  const english = englishQuestion(question);
  return english ? { kind: "english", vietnamese: english.vietnamese } : { kind: "ok" };
}
