import type { Translate } from "../../i18n/translate.js";
import type { ChoiceRows } from "../../bot/choices.js";
import { TOPICS, topicLabelKey, type Topic } from "../../broadcast/topics.js";

/** The choices of this feature (channel-neutral rows; each channel renders them). */
export const PREFIX = "sub:";
export const OFFER_YES = `${PREFIX}offer:yes`;
export const OFFER_NO = `${PREFIX}offer:no`;
export const START = `${PREFIX}start`;
export const STOP = `${PREFIX}stop`;
export const TOPIC_STEP = `${PREFIX}t:`;
export const PLACE_STEP = `${PREFIX}p:`;
export const CONSENT_STEP = `${PREFIX}c:`;
export const FLOW_PREFIX = `${PREFIX}`;

/** "🎓 Lớp tập huấn, 💰 Vay vốn, tín dụng": the farmer's topics in words. */
export const topicList = (t: Translate, topics: readonly Topic[]) =>
  topics.map((topic) => t(topicLabelKey(topic))).join(", ");

export const offerRows = (t: Translate): ChoiceRows => [
  [{ text: t("sub-offer-yes"), data: OFFER_YES, means: "yes" }],
  [{ text: t("sub-offer-no"), data: OFFER_NO, means: "no" }],
];

export const statusRows = (t: Translate, subscribed: boolean): ChoiceRows =>
  subscribed
    ? [[{ text: t("sub-change"), data: START }], [{ text: t("sub-stop"), data: STOP }]]
    : [[{ text: t("sub-start"), data: START }]];

export const topicRows = (t: Translate, chosen: ReadonlySet<Topic>): ChoiceRows => [
  ...TOPICS.map((topic) => [
    { text: `${chosen.has(topic) ? "✅" : "⬜"} ${t(topicLabelKey(topic))}`, data: `${TOPIC_STEP}${topic}` },
  ]),
  [
    { text: t("sub-topics-done"), data: `${TOPIC_STEP}done` },
    { text: t("sub-cancel"), data: `${TOPIC_STEP}cancel` },
  ],
];

export const placeRows = (t: Translate, places: Array<{ code: string; label: string }>): ChoiceRows => [
  ...places.map((p) => [{ text: p.label, data: `${PLACE_STEP}${p.code}` }]),
  [{ text: t("sub-place-any"), data: `${PLACE_STEP}any` }],
];

export const consentRows = (t: Translate): ChoiceRows => [
  [
    { text: t("sub-consent-agree"), data: `${CONSENT_STEP}agree`, means: "yes" },
    { text: t("sub-consent-decline"), data: `${CONSENT_STEP}decline`, means: "no" },
  ],
];
