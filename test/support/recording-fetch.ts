/**
 * A fake Bot API for unit tests: records every call the bot makes and answers like Telegram would
 * (messages get increasing ids). Given to grammY as `client.fetch`, it also sees calls made inside
 * conversations.
 */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

export function recordingFetch() {
  const calls: ApiCall[] = [];
  let nextMessageId = 1000;
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    const method = url.slice(url.lastIndexOf("/") + 1);
    const payload = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
    calls.push({ method, payload });
    const result =
      method.startsWith("send") || method.startsWith("edit")
        ? {
            message_id: method.startsWith("edit") ? payload.message_id : ++nextMessageId,
            date: 0,
            chat: { id: payload.chat_id, type: "private" },
            text: payload.text,
          }
        : true;
    return Response.json({ ok: true, result });
  };
  return {
    fetch: fetchImpl as unknown as typeof fetch,
    calls,
    /** Texts the bot sent, in order, since the last `take`. */
    take(): ApiCall[] {
      return calls.splice(0, calls.length);
    },
  };
}

function messageUpdate(updateId: number, chatId: number, content: Record<string, unknown>) {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 0,
      chat: { id: chatId, type: "private" as const, first_name: "Ba" },
      from: { id: chatId, is_bot: false, first_name: "Ba" },
      ...content,
    },
  };
}

export function textUpdate(updateId: number, chatId: number, text: string) {
  const command = /^\/\w+/.exec(text);
  return messageUpdate(updateId, chatId, {
    text,
    ...(command ? { entities: [{ type: "bot_command" as const, offset: 0, length: command[0].length }] } : {}),
  });
}

/** A sticker as Telegram describes one: content the bot does not read. */
export const STICKER = {
  file_id: "s",
  file_unique_id: "s",
  type: "regular",
  width: 1,
  height: 1,
  is_animated: false,
  is_video: false,
} as const;

export const stickerUpdate = (updateId: number, chatId: number) =>
  messageUpdate(updateId, chatId, { sticker: STICKER });

export function buttonUpdate(updateId: number, chatId: number, data: string, messageId = 1) {
  return {
    update_id: updateId,
    callback_query: {
      id: `cb${updateId}`,
      from: { id: chatId, is_bot: false, first_name: "Ba" },
      chat_instance: "x",
      data,
      message: {
        message_id: messageId,
        date: 0,
        chat: { id: chatId, type: "private" as const, first_name: "Ba" },
        text: "...",
      },
    },
  };
}
