/**
 * How farmers type in chat, read as the words they stand for (all on folded text): shorthand
 * ("ko", "dc", "ng", "tv"), drawn-out vowels ("chaooo", "hiii"; "cccd" stays) and forms of "hello" ("hellu").
 * The search terms expand the same shorthand, so the guard, small talk and search read a message alike.
 */
export const CHAT_SHORTHAND: Record<string, string> = {
  ko: "khong",
  k: "khong",
  kh: "khong",
  khg: "khong",
  kg: "khong",
  hk: "khong",
  hok: "khong",
  hong: "khong",
  hem: "khong",
  dc: "duoc",
  j: "gi",
  bn: "bao nhieu",
  nhiu: "nhieu",
  tv: "thanh vien",
  ng: "nguoi",
  ntn: "nhu the nao",
  vs: "voi",
  cx: "cung",
  lm: "lam",
  sdt: "so dien thoai",
};

const HELLO = /^h[ae]l+(o|u|ow)?$/;

/** A folded message with chat spellings written out ("hellu bot khoe hem" → "hello bot khoe khong"). */
export function chatSpelling(folded: string): string {
  return folded
    .split(" ")
    .map((word) => {
      const plain = word.replace(/([aeiouy])\1{2,}/g, "$1");
      return HELLO.test(plain) ? "hello" : (CHAT_SHORTHAND[plain] ?? plain);
    })
    .join(" ");
}
