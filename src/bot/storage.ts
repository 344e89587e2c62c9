import type { StorageAdapter } from "grammy";
import type { VersionedState, VersionedStateStorage } from "@grammyjs/conversations";
import type { KeyValueStore } from "./key-value-store.js";

/**
 * A flow (registration, eligibility check, question to an officer) left unanswered this long is over:
 * the conversations plugin drops it at the farmer's next message, and maintenance deletes its stored
 * state (the answers typed so far: name, phone) even if the farmer never comes back.
 */
export const FLOW_IDLE_MS = 2 * 3600_000;
export const CONVERSATION_KEY_PREFIX = "conversation:";

const sessionKey = (channel: string, k: string) => `session:${channel}:${k}`;
const conversationKey = (channel: string, k: string) => `${CONVERSATION_KEY_PREFIX}${channel}:${k}`;

/** The keys every update of a chat reads: its session and its conversation state. */
export const chatStateKeys = (channel: string, chatId: number | string) => [
  sessionKey(channel, String(chatId)),
  conversationKey(channel, String(chatId)),
];

/** grammY session storage over our key-value store, one namespace per channel. */
export function sessionStorage<T>(store: KeyValueStore, channel: string): StorageAdapter<T> {
  const key = (k: string) => sessionKey(channel, k);
  return {
    read: async (k) => (await store.read(key(k))) as T | undefined,
    write: (k, value) => store.write(key(k), value),
    delete: (k) => store.delete(key(k)),
  };
}

/** Conversation (replay) state over the same store, so a restart mid-flow resumes the flow. */
export function conversationStorage<S>(store: KeyValueStore, channel: string): VersionedStateStorage<string, S> {
  const key = (k: string) => conversationKey(channel, k);
  return {
    read: async (k) => (await store.read(key(k))) as VersionedState<S> | undefined,
    write: (k, state) => store.write(key(k), state),
    delete: (k) => store.delete(key(k)),
  };
}
