import { InlineKeyboard } from "grammy";
import type { Translate } from "../../i18n/translate.js";

/** The five doors of the product, in the order farmers see them. */
export const MENU_ITEMS = ["law", "check", "register", "ask", "officer"] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];

export const MENU_CALLBACK_PREFIX = "menu:";

export function mainMenuKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  // One button per row: long Vietnamese labels stay readable on small screens.
  for (const item of MENU_ITEMS) keyboard.text(t(`menu-${item}`), `${MENU_CALLBACK_PREFIX}${item}`).row();
  return keyboard;
}
