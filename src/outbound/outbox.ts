import type { Choice } from "../bot/choices.js";

/**
 * The one way to send a message to a farmer or officer outside the reply to their own update: officer
 * replies, lead notifications, later broadcasts. Messages are queued in the database (OutboundJob) and
 * delivered by a worker through each channel's sender, so nothing is lost on a restart and several
 * instances can share the work.
 */
export type OutboundButton = Choice;

export interface OutboundMessage {
  text: string;
  buttons?: OutboundButton[][];
}

export interface ChatAddress {
  channel: string;
  chatId: string;
}

/** Who caused a send, so a message the channel may not deliver is shown to that officer. */
export interface SendOrigin {
  questionId?: number;
  senderId?: number;
}

export interface Outbox {
  enqueue(
    to: ChatAddress,
    message: OutboundMessage,
    options?: { notBefore?: Date; origin?: SendOrigin },
  ): Promise<void>;
}

/**
 * A sender's answer when the channel's own rules forbid this message (a Zalo OA outside its reply
 * window without quota): recorded on the job with the reason and never retried. `reason` is a code
 * with a text `outbound-undeliverable-<reason>` in the locale files.
 */
export interface NotDeliverable {
  notDeliverable: string;
}

/**
 * Thrown by a channel's transport deep inside a send when its rules forbid the message; the channel's
 * sender turns it into the NotDeliverable result.
 */
export class Undeliverable extends Error {
  constructor(readonly reason: string) {
    super(`not deliverable: ${reason}`);
  }
}

/** Implemented by each channel (Telegram, web chat, Zalo): deliver one message to one chat. */
export interface OutboundSender {
  /**
   * `key` names this delivery; a sender that can (`idempotent`) delivers a repeated key only once,
   * so a delivery interrupted by a crash may safely be tried again.
   */
  send(chatId: string, message: OutboundMessage, options?: { key?: string }): Promise<void | NotDeliverable>;
  idempotent?: boolean;
}

/** A sender's way to say "try again later" (e.g. Telegram's 429 with retry_after). */
export class RetryLater extends Error {
  constructor(
    readonly afterMs: number,
    message = "retry later",
  ) {
    super(message);
  }
}

/**
 * A sender's way to say "this chat will never accept a message" (Telegram 403: the farmer blocked the
 * bot or deleted the account): the chat is marked unreachable once instead of being retried.
 */
export class Unreachable extends Error {}
