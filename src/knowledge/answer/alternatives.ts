import { containsPhrase, foldVietnamese } from "../../lib/vietnamese.js";
import { chatSpelling } from "../text/chat-spelling.js";

/**
 * Either-or questions ("chia theo vốn hay theo công", "góp bằng tiền hay bằng đất"): the passage that
 * answers speaks of both options; one about the first alone answers another question.
 */

/** "hay" asking yes or no ("được hay không", "hay chưa") offers no alternative. */
const YES_NO_AFTER = new Set(["khong", "chua", "sao", "ko", "k", "hong", "hok"]);
/** Words linking an option to the question ("theo vốn", "bằng đất", "là tiền"): not the option itself. */
const LINKS = new Set(["theo", "bang", "la", "cho", "voi", "hoac", "thi", "con"]);
const OPTION_WORDS = 2;
/** Closing particles ("… hay theo công vậy", "… hay bằng đất ha"): not part of an option. */
const PARTICLES = new Set(["vay", "ha", "nha", "ta", "nhi", "a", "ne", "hen", "day", "bot"]);

/** The two options an either-or question offers (folded words), or null. */
export function alternativesOf(question: string): [string, string] | null {
  const words = chatSpelling(foldVietnamese(question)).split(" ");
  const at = words.findIndex((word, i) => word === "hay" && i > 0 && !YES_NO_AFTER.has(words[i + 1] ?? "khong"));
  if (at < 0) return null;
  const before = words.slice(0, at);
  const link = before.findLastIndex((word) => LINKS.has(word));
  const left = (link >= 0 && link >= at - 1 - OPTION_WORDS ? before.slice(link + 1) : before.slice(-1)).join(" ");
  const after = words.slice(at + 1);
  const right = after
    .slice(LINKS.has(after[0] ?? "") ? 1 : 0)
    .slice(0, OPTION_WORDS)
    .filter((word) => !PARTICLES.has(word))
    .join(" ");
  // "được không hay phải đợi": the first option is a yes or no, the question is a yes/no one.
  return left && right && !YES_NO_AFTER.has(left) ? [left, right] : null;
}

/** True when a text names both options. */
export function namesBoth(text: string, [left, right]: [string, string]): boolean {
  return containsPhrase(text, left) && containsPhrase(text, right);
}
