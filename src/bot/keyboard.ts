import { InlineKeyboard } from "grammy";
import type { OutboundButton } from "../outbound/outbox.js";

/** Button rows as services describe them (text + data) → a Telegram inline keyboard. */
export const inlineKeyboard = (rows: OutboundButton[][]): InlineKeyboard =>
  InlineKeyboard.from(rows.map((row) => row.map((b) => InlineKeyboard.text(b.text, b.data))));
