import type { ClaimRequest, FinishRequest, RunClaim } from "../../bot/update-ledger.js";

/**
 * The web chat's message history: what the farmer typed and what the bot answered, so a reload (or a
 * weak network dropping a response) never loses a message. Officer replies that arrive later are
 * read from here by the page's polling.
 */
// A type alias (not an interface) so it is assignable to Prisma's JSON input type.
export type ChatButton = { text: string; data: string };

export interface ChatMessage {
  /** Transcript-wide id, increasing: the page asks for everything after the last one it has. */
  seq: number;
  messageId: number;
  fromBot: boolean;
  text: string;
  buttons: ChatButton[][];
  edited: boolean;
}

export interface NewMessage {
  fromBot: boolean;
  text: string;
  buttons: ChatButton[][];
  /** The page's id for a farmer's input; appending the same one again returns the stored message. */
  clientId?: string;
}

export type StoredMessage = ChatMessage & { duplicate: boolean };

/**
 * A bot message held back until its update is marked done: a new one (`clientId` set, as `append`
 * would store it) or an edit of a stored one; `message` is the message as it will be stored.
 */
export type HeldMessage = { message: ChatMessage; clientId?: string; isNew: boolean };

/**
 * Sequence values taken ahead for an update's messages and edits (message ids and `seq`), so they can
 * be written together with the update's "done" mark; an update needing more stores the rest at once.
 */
export const IDS_TAKEN_AHEAD = 8;

export interface Transcript {
  append(chatId: number, message: NewMessage): Promise<StoredMessage>;
  /**
   * Appends what the farmer typed and claims its update (UpdateLedger.begin's claim, its state keys
   * read with it) in one round trip: every input does both. `claim` is undefined when refused.
   */
  receive(
    chatId: number,
    message: NewMessage,
    claim: ClaimRequest,
  ): Promise<{ saved: StoredMessage; claim?: RunClaim; ids: number[] }>;
  /** The message a button was pressed on (undefined if the chat has none with that id), with ids taken ahead. */
  pressed(chatId: number, messageId: number): Promise<{ message?: ChatMessage; ids: number[] }>;
  /**
   * Stores held messages in one statement: with `finish`, together with marking that update done
   * (UpdateLedger.finish), and only if it was; without, at once.
   */
  commit(chatId: number, held: HeldMessage[], finish?: FinishRequest): Promise<void>;
  edit(
    chatId: number,
    messageId: number,
    change: { text?: string; buttons?: ChatButton[][] },
  ): Promise<ChatMessage | undefined>;
  /** Messages whose client id starts with `prefix` (the bot's replies to one input), oldest first. */
  byClientIdPrefix(chatId: number, prefix: string): Promise<ChatMessage[]>;
  /** Messages created or edited after `afterSeq`/`since`, oldest first. */
  history(chatId: number, afterSeq?: number): Promise<ChatMessage[]>;
}
