import { containsPhrase } from "../lib/vietnamese.js";

/** Why a farmer registers: the four kinds of collective the Luật HTX 2023 provides for. */
export const PURPOSE_IDS = ["found_htx", "join_htx", "found_tht", "found_union"] as const;
export type PurposeId = (typeof PURPOSE_IDS)[number];

export const purposeLabelKey = (id: PurposeId) => `leads-purpose-${id.replaceAll("_", "-")}`;

/** Typed answers, checked in this order: "liên hiệp" and "tổ hợp tác" before the generic "lập". */
const PURPOSE_PHRASES: [PurposeId, string[]][] = [
  ["found_union", ["lien hiep"]],
  ["found_tht", ["to hop tac", "tht"]],
  ["join_htx", ["tham gia", "gia nhap", "vao htx", "vao hop tac xa", "vo htx", "vo hop tac xa"]],
  ["found_htx", ["thanh lap", "lap htx", "lap hop tac xa", "htx moi", "hop tac xa moi"]],
];

/** A button payload (the id) or typed words; undefined when the text names no purpose. */
export function matchPurpose(text: string): PurposeId | undefined {
  const trimmed = text.trim();
  if ((PURPOSE_IDS as readonly string[]).includes(trimmed)) return trimmed as PurposeId;
  return PURPOSE_PHRASES.find(([, phrases]) => phrases.some((p) => containsPhrase(text, p)))?.[0];
}
