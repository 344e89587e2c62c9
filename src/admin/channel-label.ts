import type { Translate } from "../i18n/translate.js";

const KNOWN_CHANNELS = ["webchat", "telegram", "zalo", "zalo-oa"];

/** A channel as officers say it ("Trang web", "Zalo"), never its code name; an unknown one stays as it is. */
export const channelLabel = (t: Translate, channel: string): string =>
  KNOWN_CHANNELS.includes(channel) ? t(`admin-channel-${channel}`) : channel;
