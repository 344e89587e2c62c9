import { buttonUpdate, textUpdate } from "./recording-fetch.js";

/** One input of a farmer: typed text or a pressed button. */
export type FarmerInput = { text: string } | { button: string };

/**
 * The registration flow as a farmer walks it (menu button to consent), with a phone of their own;
 * the last input is the consent press, after which the bot answers with the lead's reference.
 */
export const registrationInputs = (phone: string, name = "nguyen van an"): FarmerInput[] => [
  { button: "menu:register" },
  { button: "reg:purpose:found_htx" },
  { text: name },
  { text: phone },
  { text: "Vĩnh Lợi" },
  { button: "reg:place:31777" },
  { button: "reg:sector:lua" },
  { text: "7" },
  { text: "2 công" },
  { button: "reg:callTime:morning" },
  { button: "reg:note:skip" },
  { button: "reg:summary:submit" },
  { button: "reg:consent:agree" },
];

export const REFERENCE = /HTX-[2-9A-Z]{5}/;

/** A Telegram update carrying the input. */
export const telegramUpdate = (updateId: number, chatId: number, input: FarmerInput) =>
  "text" in input ? textUpdate(updateId, chatId, input.text) : buttonUpdate(updateId, chatId, input.button);
