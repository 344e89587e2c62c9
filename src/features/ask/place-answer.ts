import type { Translate } from "../../i18n/translate.js";
import type { MentionedPlace } from "../../places/mentioned-place.js";
import type { PlaceQuestion } from "../../places/place-question.js";

/** A line naming today's commune for a former commune, district or province a question names. */
export function placeLine(t: Translate, place: MentionedPlace): string {
  if (place.kind === "district")
    return t("qa-place-district", {
      former: place.former,
      current: place.current.join(", "),
      province: place.province,
    });
  return t(`qa-place-${place.kind}`, { ...place });
}

/** The answer to "xã X giờ thuộc xã nào": today's commune(s), or what to write so we can tell. */
export function placeAnswer(t: Translate, question: PlaceQuestion): string {
  if (question.kind === "mentioned") return placeLine(t, question.place);
  if (question.kind === "unknown") return t("qa-place-unknown", { named: question.named });
  const lines = question.places.map((p) => {
    if (!p.former) return t("qa-place-current", { current: p.current, province: p.province });
    return t(p.partial ? "qa-place-commune-part" : "qa-place-commune", {
      former: p.former,
      current: p.current,
      province: p.province,
    });
  });
  if (lines.length === 1) return lines[0]!;
  return [
    t("qa-place-several", { named: question.named, count: lines.length }),
    ...lines,
    t("qa-place-several-hint"),
  ].join("\n");
}
