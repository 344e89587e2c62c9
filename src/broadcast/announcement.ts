import type { Translate } from "../i18n/translate.js";
import type { OutboundMessage } from "../outbound/outbox.js";

export type AnnouncementContent = { id: number; text: string; link: string | null; signupChoice: boolean };

/** Button data of an announcement's *Đăng ký* choice; the press is counted for the campaign's report. */
export const SIGNUP_PREFIX = "bc:signup:";

/**
 * What a farmer receives: the staff's plain text, the link on its own line, and always how to stop
 * (every announcement ends with it). Plain text reads the same on every channel.
 */
export function announcementMessage(campaign: AnnouncementContent, t: Translate): OutboundMessage {
  const parts = [campaign.text.trim(), ...(campaign.link ? [campaign.link] : []), t("bc-footer")];
  return {
    text: parts.join("\n\n"),
    ...(campaign.signupChoice ? { buttons: [[{ text: t("bc-signup"), data: `${SIGNUP_PREFIX}${campaign.id}` }]] } : {}),
  };
}
