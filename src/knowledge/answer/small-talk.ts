import { foldVietnamese } from "../../lib/vietnamese.js";

/**
 * Messages that are not questions: greetings, thanks, goodbyes and insults. A message is small talk
 * when every word in it is a social word or a filler (particles, forms of address, "nhiều", "lắm"),
 * so "chào em, HTX cần mấy người" is still a question. Insults are spotted by their words anywhere.
 */

export type ChatAct = "greeting" | "thanks" | "goodbye" | "insult";

/** Social phrases (folded), by the act they perform; longer phrases are matched first. */
const ACTS: Array<[Exclude<ChatAct, "insult">, string[]]> = [
  ["thanks", ["cam on", "cam ta", "thank you", "thanks", "thank", "tks", "thx", "ty", "da ta", "tot qua", "hay qua", "hieu roi", "ro roi", "biet roi", "ok", "oke", "okay", "oki", "duoc roi"]],
  ["goodbye", ["tam biet", "bye", "bai bai", "bb", "hen gap lai", "gap lai sau", "di nha", "di nghen", "thoi nha", "thoi nghen", "nghi nha"]],
  ["greeting", ["xin chao", "chao", "hello", "helo", "hi", "alo", "a lo", "hey", "co ai khong", "co ai o do khong", "bot oi", "tro ly oi"]],
];

/** Words that carry no request on their own: particles, forms of address, intensifiers. */
const FILLERS = new Set(
  ("a ah a a da vang u uh um nha nhe nhen nghen nghe ne oi ha hen nhi ta ma luon vay the nhieu lam qua rat that " +
    "nhe nha minh tui toi em anh chi ban bot co chu bac ong ba di con chau ad admin tro ly moi nguoi ca nha ban oi " +
    "buoi sang trua chieu toi hom nay nay chuc ngay vui ve khoe hihi hehe haha hi hi").split(" "),
);

/** Insulting words (folded); "ngu" only where it is not a part of "ngư nghiệp", "ngư dân", "ngũ cốc". */
const INSULT =
  /\b(ngu(?! (nghiep|dan|coc|truong|cu|luoi|ong|phu|loi|ke))|dot nat|do dot|dan don|do ngoc|ngu ngoc|vo dung|vo tich su|do te|te hai|do cho|do khon|cho chet|dm|dmm|dcm|vcl|vl|clm|cut|im mom|stupid|idiot|useless|dumb)\b/;

function phrasesOf(folded: string): { acts: Set<ChatAct>; rest: string[] } {
  let text = ` ${folded} `;
  const acts = new Set<ChatAct>();
  for (const [act, phrases] of ACTS) {
    for (const phrase of [...phrases].sort((a, b) => b.length - a.length)) {
      if (text.includes(` ${phrase} `)) {
        acts.add(act);
        text = text.split(` ${phrase} `).join("  ");
      }
    }
  }
  return { acts, rest: text.split(" ").filter((w) => w && !FILLERS.has(w)) };
}

/**
 * Words that make a message a question or a request ("gì", "sao", "được không", "?"): a goodbye or
 * thanks with them ("cảm ơn, mà vay được bao nhiêu?") is a question; without them ("thôi tui ra
 * ruộng đây, bai bai") it is a goodbye whatever else it says.
 */
const ASKS = /\b(gi|sao|nao|bao nhieu|bao lau|may|khong|ko|k|hong|hok|chua|duoc khong|co phai|phai khong|the nao|lam sao|o dau|ai|hoi|giup|chi|muon)\b/;

export function chatAct(message: string): ChatAct | null {
  const folded = foldVietnamese(message);
  if (!folded) return null;
  // "ngu" (stupid) has no tone mark: typed with one it is "ngư", "ngủ" or "ngũ", not an insult.
  const insultText = hasPlainNgu(message) ? folded : folded.replace(/\bngu\b/g, "");
  if (INSULT.test(insultText)) return "insult";
  const { acts, rest } = phrasesOf(folded);
  if (acts.size === 0) return null;
  const leaving = acts.has("goodbye") || acts.has("thanks");
  if (rest.length > 0 && !(leaving && !message.includes("?") && !ASKS.test(rest.join(" ")))) return null;
  for (const act of ["thanks", "goodbye", "greeting"] as const) if (acts.has(act)) return act;
  return null;
}

/** True when the message has the word "ngu" written without tone marks. */
function hasPlainNgu(message: string): boolean {
  return /(?<![\p{L}])ngu(?![\p{L}])/iu.test(message.normalize("NFC"));
}
