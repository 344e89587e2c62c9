import { containsPhrase } from "../lib/vietnamese.js";

/** Why a farmer registers: the four kinds of collective the Luật HTX 2023 provides for. */
export const PURPOSE_IDS = ["found_htx", "join_htx", "found_tht", "found_union"] as const;
export type PurposeId = (typeof PURPOSE_IDS)[number];

export const purposeLabelKey = (id: PurposeId) => `leads-purpose-${id.replaceAll("_", "-")}`;

/**
 * Luật Hợp tác xã 2023 (17/2023/QH15) Điều 4: a hợp tác xã is founded by at least 05 official
 * members (khoản 7), a tổ hợp tác by at least 02 (khoản 21). (Khoản 8: a liên hiệp needs 03 HTX.)
 */
export const HTX_MIN_MEMBERS = 5;
export const THT_MIN_MEMBERS = 2;

/** Founding an HTX with fewer members than the law asks: a tổ hợp tác may suit them (offered, never imposed). */
export const tooFewForHtx = (purpose: PurposeId | undefined, members: number | undefined) =>
  purpose === "found_htx" && members !== undefined && members < HTX_MIN_MEMBERS;

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
