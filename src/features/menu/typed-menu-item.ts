import type { Translate } from "../../i18n/translate.js";
import { foldVietnamese } from "../../lib/vietnamese.js";
import { MENU_ITEMS, type MenuItem } from "./main-menu.js";

/**
 * A main-menu item asked for in words instead of pressed: its label typed in any spelling (with or
 * without diacritics, the emoji left out), or, for the officer, a short request for a person
 * ("gap can bo", "cho tui gặp cán bộ", "muốn nói chuyện với người thật"). Only whole short
 * messages count: "hỏi cán bộ về vay vốn …" is still a question for the knowledge base.
 */

const OFFICER_WORDS = "can bo|nguoi that|nhan vien|tu van vien|tong dai|admin";
const ASKS_FOR_OFFICER = new RegExp(
  String.raw`^((cho|toi|tui|em|minh|con|anh|chi|bac|chu|co|ba con) )*((muon|can|xin|duoc|mun|hay|vui long|lam on) )*` +
    String.raw`(gap|noi chuyen( voi| vs)?|lien he( voi)?|lien lac( voi)?|goi( cho)?|ket noi( voi)?|chat voi|hoi) (${OFFICER_WORDS})` +
    String.raw`( (xa|htx|ho tro|giup|oi|a|nha|nhe|di|voi|duoc khong|dc ko|duoc ko|dc khong|khong|ko|k|ha))*$`,
);

export function typedMenuItem(text: string, t: Translate): MenuItem | null {
  const folded = foldVietnamese(text);
  if (!folded) return null;
  const item = MENU_ITEMS.find((i) => foldVietnamese(t(`menu-${i}`)) === folded);
  if (item) return item;
  return ASKS_FOR_OFFICER.test(folded) ? "officer" : null;
}
