import {
  keyChoices,
  listChoicesInText,
  matchTypedChoice,
  type ListedChoices,
  type OfferedChoice,
} from "../bot/choices.js";
import type { KeyValueStore } from "../bot/key-value-store.js";
import type { Translate } from "../i18n/translate.js";

/** A listed choice and the (numeric) id of the bot message that listed it. */
export interface RememberedChoice extends OfferedChoice {
  messageId: number;
}

/**
 * Choices on channels without buttons (Zalo): listed in the message text, and remembered per chat in
 * the database (a restart or another instance reads the same), so a typed "1", a label or "hông"
 * becomes the press of that choice. The choices of the bot's latest reply count: keys go on across
 * the messages of one reply (results come in two messages), and a reply without choices forgets them
 * unless it says it keeps them (a short confirmation of a press, KEEP_LISTED_CHOICES).
 */
export function listedChoices(store: KeyValueStore, channel: string, t: Translate) {
  const key = (chatId: number) => `choices:${channel}:${chatId}`;
  /** Chats whose reply to an incoming message is being sent, with what it listed so far. */
  const replies = new Map<number, { listed: RememberedChoice[]; sent: boolean; keep: boolean }>();

  return {
    /** An incoming message is handled: what the reply lists replaces what was remembered. */
    beginReply(chatId: number): void {
      replies.set(chatId, { listed: [], sent: false, keep: false });
    },
    async endReply(chatId: number): Promise<void> {
      const reply = replies.get(chatId);
      replies.delete(chatId);
      if (reply?.sent && !reply.keep && reply.listed.length === 0) await store.delete(key(chatId));
    },
    /** The text to send: the message with its choices listed under it, keyed on from this reply's. */
    render(
      chatId: number,
      text: string,
      listed: ListedChoices | undefined,
      keepListed = false,
    ): { text: string; offered: OfferedChoice[] } {
      const reply = replies.get(chatId);
      if (reply) {
        reply.sent = true;
        reply.keep ||= keepListed;
      }
      if (!listed) return { text, offered: [] };
      const offered = keyChoices(listed, reply?.listed.length ?? 0);
      return { text: listChoicesInText(text, offered, listed.options, t), offered };
    },
    /** After sending: remember what was listed (a message outside a reply, e.g. an officer's, starts afresh). */
    async remember(chatId: number, offered: OfferedChoice[], messageId: number): Promise<void> {
      if (offered.length === 0) return;
      const reply = replies.get(chatId);
      const listed = [...(reply?.listed ?? []), ...offered.map((choice) => ({ ...choice, messageId }))];
      if (reply) reply.listed = listed;
      await store.write(key(chatId), listed);
    },
    async match(chatId: number, typed: string): Promise<RememberedChoice | undefined> {
      const remembered = ((await store.read(key(chatId))) as RememberedChoice[] | undefined) ?? [];
      return matchTypedChoice(typed, remembered);
    },
  };
}

export type ListedChoiceMemory = ReturnType<typeof listedChoices>;
