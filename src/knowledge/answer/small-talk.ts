import { foldVietnamese } from "../../lib/vietnamese.js";
import { chatSpelling } from "../text/chat-spelling.js";
import { subjectsOf } from "./focus.js";

/**
 * Messages that are not questions about the law: greetings, thanks, compliments, goodbyes, insults
 * and questions about the assistant itself. A message is small talk when every word in it is a
 * social word or a filler (particles, forms of address, "nhiều", "lắm"), so "chào em, HTX cần mấy
 * người" is still a question. Insults are spotted by their words anywhere; complaints about the
 * answers ("trả lời lung tung") only when the message names no subject of cooperative life.
 */

export type ChatAct = "greeting" | "thanks" | "compliment" | "goodbye" | "insult" | "about-bot";

/** Social phrases (folded), by the act they perform; longer phrases are matched first. */
const ACTS: Array<[Exclude<ChatAct, "insult" | "about-bot">, string[]]> = [
  [
    "compliment",
    [
      "gioi qua",
      "gioi ghe",
      "gioi that",
      "gioi lam",
      "thong minh",
      "hay ghe",
      "tuyet voi",
      "tuyet qua",
      "xin qua",
      "xin ghe",
      "dinh qua",
      "duoc lam",
      "tra loi hay",
      "tra loi dung",
      "tra loi chuan",
    ],
  ],
  [
    "thanks",
    [
      "cam on",
      "cam ta",
      "thank you",
      "thanks",
      "thank",
      "tks",
      "thx",
      "ty",
      "da ta",
      "tot qua",
      "hay qua",
      "hieu roi",
      "ro roi",
      "biet roi",
      "ok",
      "oke",
      "okay",
      "oki",
      "duoc roi",
    ],
  ],
  [
    "goodbye",
    [
      "tam biet",
      "bye",
      "bai bai",
      "bb",
      "hen gap lai",
      "gap lai sau",
      "di nha",
      "di nghen",
      "thoi nha",
      "thoi nghen",
      "nghi nha",
      "di ngu",
      "di ra ruong",
      "ra ruong",
      "mai hoi tiep",
      "hoi sau",
      "de mai hoi",
      "good night",
      "see you",
    ],
  ],
  [
    "greeting",
    [
      "how are you",
      "how are u",
      "how r u",
      "khoe khong",
      "khoe chu",
      "khoe ha",
      "khoe hen",
      "co khoe khong",
      "xin chao",
      "chao",
      "hello",
      "helo",
      "hi",
      "alo",
      "a lo",
      "hey",
      "co ai khong",
      "co ai o do khong",
      "bot oi",
      "tro ly oi",
      "e",
      "ey",
      "good morning",
      "good evening",
      "good afternoon",
      "hi there",
      "hello there",
      "cho hoi",
      "hoi",
      "co ai truc khong",
      "ai truc khong",
      "co ai truc",
      "con do khong",
    ],
  ],
];

/** Words that carry no request on their own: particles, forms of address, intensifiers. */
const FILLERS = new Set(
  (
    "a ah a a da vang u uh um nha nhe nhen nghen nghe ne oi ha hen nhi ta ma luon vay the nhieu lam qua rat that " +
    "nhe nha minh tui toi em anh chi ban bot co chu bac ong ba di con chau ad admin tro ly moi nguoi ca nha ban oi " +
    "buoi sang trua chieu toi hom nay nay chuc ngay vui ve khoe hihi hehe haha hi hi day gio thoi ghe " +
    "cai nay chatbot may ong ba ui uii ne nhe chut xiu ti troi du thiet today " +
    // Chat forms of address for a group: "ae" (anh em), "ace" (anh chị em), "ac" (anh chị).
    "ae ace ac " +
    // "Vậy" as southern chat spells it ("có ai hông zạy"); not mapped to "vay", which is also a loan.
    "z zay dzay"
  ).split(" "),
);

/**
 * Insulting words (folded); "ngu" only where it is not a part of "ngư nghiệp", "ngư dân", "ngũ cốc",
 * nor "đi ngủ", "buồn ngủ", "ngủ trưa" typed without tone marks.
 */
const INSULT =
  /\b((?<!\b(di|buon|chuc|dang|chua|ru|giac|de|lo|roi) )ngu(?! (nghiep|dan|coc|truong|cu|luoi|ong|phu|loi|ke|ngon|trua|day|som|tre|nghi|dc|duoc))|dot nat|do dot|dan don|do ngoc|ngu ngoc|vo dung|vo tich su|do te|te hai|do cho|do khon|cho chet|dm|dmm|dcm|vcl|vl|clm|cut|im mom|stupid|idiot|useless|dumb)\b/;

/**
 * Complaints about the answers: words that judge what was said. Unlike insults they also describe
 * people and things ("giám đốc làm ăn tào lao"), so they count only in a message without a subject.
 */
const COMPLAINT =
  /\b(do ec|do te|te qua|te that|tao lao|ba xam|ba lap|lung tung|nham nhi|nhu cc|cc|lom|vo duyen|chan qua|chan that|kem qua|sai bet|sai het|noi xao|xao qua|vo ich|bay ba|(noi|tra loi|hoi) nhu khong|(noi|tra loi) (nham|sai|trat|khong dung))\b/;

/** The assistant as farmers address it; "em", "bạn", "mày" only right before what is asked about it. */
const SELF = "bot|chatbot|tro ly|ung dung|app|ban|em|may|cai nay|cai bot nay";
/** What is asked about the assistant itself: who or what it is, who made it, what it can do, its cost. */
const ABOUT_SELF = [
  "la ai|ten (la )?gi|la (nguoi|may|robot|tri tue nhan tao|ai)|nguoi that|nguoi hay may|la con nguoi|may tuoi|cua ai|o dau ra",
  "biet (lam )?(gi|nhung gi|nhieu khong)|lam (duoc )?(gi|nhung gi|viec gi)|giup (duoc )?(gi|nhung gi|viec gi)",
  "ho tro (duoc )?(gi|nhung gi|viec gi)|tra loi (duoc )?(nhung )?(gi|chuyen gi|cau gi)|hoi (duoc )?(gi|nhung gi|chuyen gi)",
].join("|");
const LINK = String.raw`( (nay|oi|a|day|do|co|co phai|thiet|that|thiet ra|la|vay|rot cuoc|chuyen))*`;
const ABOUT_BOT = new RegExp(
  [
    String.raw`\b(${SELF})${LINK} (${ABOUT_SELF})\b`,
    String.raw`\bai (lam|tao|viet|lap trinh|phat trien|lap|che|dung|nghi) ra (cai )?(bot|tro ly|ung dung|chatbot|app|cai nay)\b`,
    String.raw`\b(xai|dung|hoi|su dung|nhan tin cho) (bot|tro ly|ung dung|chatbot|app)( \w+){0,2} (mat|ton|tra|dong) (tien|phi)\b`,
  ].join("|"),
);

/** The social acts in a message, the words left once their phrases are cut out, and those without fillers. */
function phrasesOf(folded: string): { acts: Set<ChatAct>; left: string; rest: string[] } {
  let text = ` ${chatSpelling(folded)} `;
  const acts = new Set<ChatAct>();
  for (const [act, phrases] of ACTS) {
    for (const phrase of [...phrases].sort((a, b) => b.length - a.length)) {
      // A loop: a phrase said twice ("alo alo") shares the space between its two copies.
      while (text.includes(` ${phrase} `)) {
        acts.add(act);
        text = text.split(` ${phrase} `).join("  ");
      }
    }
  }
  return { acts, left: text, rest: text.split(" ").filter((w) => w && !FILLERS.has(w)) };
}

/**
 * Words that make a message a question or a request ("gì", "sao", "được không", "?"): a goodbye or
 * thanks with them ("cảm ơn, mà vay được bao nhiêu?") is a question; without them ("thôi tui ra
 * ruộng đây, bai bai") it is a goodbye whatever else it says.
 */
const ASKS =
  /\b(gi|sao|nao|bao nhieu|bao lau|may|khong|ko|k|hong|hok|chua|duoc khong|co phai|phai khong|the nao|lam sao|o dau|ai|hoi|giup|chi|muon)\b/;

export function chatAct(message: string): ChatAct | null {
  const folded = foldVietnamese(message);
  if (!folded) return null;
  // "ngu" (stupid) has no tone mark: typed with one it is "ngư", "ngủ" or "ngũ", not an insult.
  const insultText = hasPlainNgu(message) ? folded : folded.replace(/\bngu\b/g, "");
  if (INSULT.test(insultText)) return "insult";
  // A closing "vậy" typed without its tone mark is the particle, not "vay" (borrow).
  const statement = folded.replace(/ vay$/, "");
  if (COMPLAINT.test(folded) && subjectsOf(statement).size === 0) return "insult";
  // What is asked about the assistant ("hỗ trợ được gì") is not a subject of the question.
  const aboutBot = ABOUT_BOT.exec(statement);
  if (aboutBot && subjectsOf(statement.replace(aboutBot[0], " ")).size === 0) return "about-bot";
  const { acts, left, rest } = phrasesOf(folded);
  if (acts.size === 0) return null;
  const leaving = acts.has("goodbye") || acts.has("thanks");
  if (rest.length > 0 && !(leaving && !message.includes("?") && !ASKS.test(left))) return null;
  for (const act of ["thanks", "compliment", "goodbye", "greeting"] as const) if (acts.has(act)) return act;
  return null;
}

/** True when the message has the word "ngu" written without tone marks. */
function hasPlainNgu(message: string): boolean {
  return /(?<![\p{L}])ngu(?![\p{L}])/iu.test(message.normalize("NFC"));
}
