/**
 * A Bot API that lives in this process, for channels that are not Telegram (web chat, Zalo): grammY
 * is given its `fetch`, which also covers calls made inside conversations (they bypass API
 * transformers). Each channel supplies the methods it implements.
 */
export type BotApiMethods = Record<string, (params: Record<string, unknown>) => Promise<unknown>>;

/** A refusal in Bot API terms (grammY turns it into a GrammyError). */
export class BotApiFailure extends Error {
  constructor(
    readonly code: number,
    description: string,
  ) {
    super(description);
  }
}

export function inProcessBotApi(channelName: string, methods: BotApiMethods): typeof fetch {
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = url.slice(url.lastIndexOf("/") + 1);
    const handler = methods[method];
    const body =
      typeof init?.body === "string" && init.body.length > 0 ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    try {
      if (!handler) throw new BotApiFailure(404, `Not Found: method ${method} is not available in the ${channelName}`);
      return Response.json({ ok: true, result: await handler(body) });
    } catch (error) {
      if (!(error instanceof BotApiFailure)) throw error;
      return Response.json({ ok: false, error_code: error.code, description: error.message }, { status: error.code });
    }
  };
  return fetchImpl as unknown as typeof fetch;
}
