import type { Translate } from "../../i18n/translate.js";
import { foldVietnamese } from "../../lib/vietnamese.js";
import { MENU_ITEMS, type MenuItem } from "./main-menu.js";

/**
 * A main-menu item asked for in words instead of pressed: its label typed in any spelling (with or
 * without diacritics, the emoji left out), or a short request for what the item does ("gap can bo",
 * "em muon dang ky vo htx", "tui muon vay von", "cho nhan thong bao"). Only whole short messages
 * open the item: "hỏi cán bộ về vay vốn …" is still a question for the knowledge base; such a question
 * that states the wish gets the item's button under its answer (`wishedMenuItem`). A request to an
 * officer that says what about ("tui muốn hỏi cán bộ về vay vốn", "cho tui gặp cán bộ hỏi chuyện đất")
 * opens *Gặp cán bộ* with those words as the question (`asksOfficerAbout`).
 */

const WHO = String.raw`((cho|toi|tui|em|minh|con|anh|chi|bac|chu|co|ba con|nha tui|nha em) )*`;
const WANT = "muon|mun|xin|dinh|tinh";
/** Also "cần", "được": enough in a whole short request, too common inside a question ("có cần đăng ký"). */
const WISH = String.raw`(${WANT}|can|duoc|hay|vui long|lam on)`;
const TAIL = String.raw`( (xa|htx|ho tro|giup|oi|a|nha|nhe|di|voi|duoc khong|dc ko|duoc ko|dc khong|khong|ko|k|ha|ne|luon|lien))*`;
const HTX = String.raw`(htx|hop tac xa|to hop tac|tht)`;
const JOIN = String.raw`(vo|vao|tham gia|thanh lap|lap|mo|gia nhap)`;

const OFFICER_WORDS = "can bo|nguoi that|nhan vien|tu van vien|tong dai|admin";
const TO_OFFICER = String.raw`(gap|noi chuyen( voi| vs)?|lien he( voi)?|lien lac( voi)?|goi( cho)?|ket noi( voi)?|chat voi|hoi) (${OFFICER_WORDS})`;
const ACTIONS: Array<[MenuItem, string]> = [
  ["officer", TO_OFFICER],
  ["register", String.raw`(dang ky|dang ki|dk)( ${JOIN})?( ${HTX})?|${JOIN} ${HTX}`],
  ["check", String.raw`(vay|vay von|kiem tra dieu kien|xem dieu kien|xin ho tro)`],
  ["subscribe", String.raw`(nhan|dang ky nhan|theo doi) (thong bao|tin)`],
];

/** The whole message is the request, perhaps with who asks, a wish word and a polite tail. */
const WHOLE = ACTIONS.map(([item, action]): [MenuItem, RegExp] => [
  item,
  new RegExp(String.raw`^${WHO}(${WISH} )*(${action})${TAIL}$`),
]);
/** A wish stated inside a longer message ("bây giờ đăng ký vô htx ở đâu, em muốn đăng ký"). */
const WISHED = ACTIONS.filter(([item]) => item !== "officer").map(([item, action]): [MenuItem, RegExp] => [
  item,
  new RegExp(String.raw`\b(${WANT}) (${action})\b`),
]);

/**
 * Asking for an officer and saying what about. Only a stated wish ("muốn", "xin") or "cho tui …"
 * makes it a request: "hỏi cán bộ về vay vốn được không" asks the bot whether one may.
 */
const OFFICER_ABOUT = new RegExp(String.raw`^(${WHO}(${WANT}) |cho ${WHO}((${WANT}) )?)${TO_OFFICER} .+$`);

export function typedMenuItem(text: string, t: Translate): MenuItem | null {
  const folded = foldVietnamese(text);
  if (!folded) return null;
  const item = MENU_ITEMS.find((i) => foldVietnamese(t(`menu-${i}`)) === folded);
  if (item) return item;
  const whole = WHOLE.find(([, pattern]) => pattern.test(folded))?.[0];
  return whole ?? (OFFICER_ABOUT.test(folded) ? "officer" : null);
}

/** A request to an officer that carries its question, not a bare one ("cho tui gặp cán bộ nha"). */
export function asksOfficerAbout(text: string): boolean {
  const folded = foldVietnamese(text);
  return OFFICER_ABOUT.test(folded) && !WHOLE.some(([, pattern]) => pattern.test(folded));
}

/** The menu item a longer message says the farmer wants to do, for a button under its answer. */
export function wishedMenuItem(text: string): MenuItem | null {
  const folded = foldVietnamese(text);
  return WISHED.find(([, pattern]) => pattern.test(folded))?.[0] ?? null;
}
