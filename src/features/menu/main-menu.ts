import type { ChoiceRows } from "../../bot/choices.js";
import type { Translate } from "../../i18n/translate.js";

/** The doors of the product, in the order farmers see them. */
export const MENU_ITEMS = ["law", "check", "register", "ask", "officer", "subscribe"] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];

export const MENU_CALLBACK_PREFIX = "menu:";

/** One choice per row: long Vietnamese labels stay readable on small screens. */
export const mainMenuChoices = (t: Translate): ChoiceRows =>
  MENU_ITEMS.map((item) => [{ text: t(`menu-${item}`), data: `${MENU_CALLBACK_PREFIX}${item}` }]);
