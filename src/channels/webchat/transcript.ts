/**
 * The web chat's message history: what the farmer typed and what the bot answered, so a reload (or a
 * weak network dropping a response) never loses a message. Officer replies that arrive later are
 * read from here by the page's polling.
 */
export interface ChatButton {
  text: string;
  data: string;
}

export interface ChatMessage {
  /** Transcript-wide id, increasing: the page asks for everything after the last one it has. */
  seq: number;
  messageId: number;
  fromBot: boolean;
  text: string;
  buttons: ChatButton[][];
  edited: boolean;
}

export interface Transcript {
  append(chatId: number, message: { fromBot: boolean; text: string; buttons: ChatButton[][] }): Promise<ChatMessage>;
  edit(chatId: number, messageId: number, change: { text?: string; buttons?: ChatButton[][] }): Promise<ChatMessage | undefined>;
  get(chatId: number, messageId: number): Promise<ChatMessage | undefined>;
  /** Messages created or edited after `afterSeq`/`since`, oldest first. */
  history(chatId: number, afterSeq?: number): Promise<ChatMessage[]>;
}

export function memoryTranscript(): Transcript {
  const chats = new Map<number, ChatMessage[]>();
  let seq = 0;
  const list = (chatId: number) => chats.get(chatId) ?? chats.set(chatId, []).get(chatId)!;
  return {
    async append(chatId, message) {
      const messages = list(chatId);
      const saved: ChatMessage = { ...message, seq: ++seq, messageId: messages.length + 1, edited: false };
      messages.push(saved);
      return { ...saved };
    },
    async edit(chatId, messageId, change) {
      const found = list(chatId).find((m) => m.messageId === messageId);
      if (!found) return undefined;
      Object.assign(found, { ...change, edited: true, seq: ++seq });
      return { ...found };
    },
    async get(chatId, messageId) {
      const found = list(chatId).find((m) => m.messageId === messageId);
      return found && { ...found };
    },
    async history(chatId, afterSeq = 0) {
      return list(chatId)
        .filter((m) => m.seq > afterSeq)
        .sort((a, b) => a.seq - b.seq)
        .map((m) => ({ ...m }));
    },
  };
}
