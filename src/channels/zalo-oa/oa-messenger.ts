import type { Logger } from "../../logger.js";
import type { OaAccessTokens } from "./access-tokens.js";
import type { OaContacts } from "./oa-contacts.js";
import type { OaRefusal } from "./delivery-rules.js";
import { isTokenError, type OaApi } from "./wire.js";

/**
 * Sends one text message (at most 2000 characters) to an OA user within the OA's delivery rules: a
 * slot is reserved first (reply or proactive), the access token is refreshed once when the OA refuses
 * it, and a failed send gives its slot back. A message the rules forbid is not sent: the refusal is
 * returned so the caller records it.
 */
export type OaSendResult =
  { sent: true; messageId: string; kind: "reply" | "proactive" } | { sent: false; reason: OaRefusal };

export interface OaMessenger {
  sendText(userId: string, text: string): Promise<OaSendResult>;
}

export function oaMessenger(deps: {
  api: OaApi;
  tokens: OaAccessTokens;
  contacts: OaContacts;
  now: () => Date;
  logger: Logger;
}): OaMessenger {
  async function post(userId: string, text: string): Promise<string> {
    const token = await deps.tokens.current(deps.now());
    try {
      return await deps.api.sendText(token, userId, text);
    } catch (error) {
      if (!isTokenError(error)) throw error;
      deps.logger.warn("zalo oa refused the access token; refreshing");
      return deps.api.sendText(await deps.tokens.replace(token, deps.now()), userId, text);
    }
  }

  return {
    async sendText(userId, text) {
      const slot = await deps.contacts.reserve(userId, deps.now());
      if (slot.kind === "refused") return { sent: false, reason: slot.reason };
      try {
        return { sent: true, messageId: await post(userId, text), kind: slot.kind };
      } catch (error) {
        await slot.release();
        throw error;
      }
    },
  };
}
