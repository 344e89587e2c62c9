import type { MiddlewareFn } from "grammy";
import type { VersionedState, VersionedStateStorage } from "@grammyjs/conversations";
import type { BotContext } from "../context.js";

/**
 * A flow saved before its steps changed (CONVERSATION_VERSION) cannot be replayed: the conversations
 * plugin would silently drop it and read the farmer's next answer ("2 công") as a new question. The
 * storage drops it instead and remembers the chat; the middleware after the plugin then says so and
 * lets the farmer start again, and the message that met the old flow is not handled further.
 */
export function restartStaleFlow(version: number, onRestart: (ctx: BotContext) => Promise<void>) {
  const dropped = new Set<string>();
  const storage = <S>(adapter: VersionedStateStorage<string, S>): VersionedStateStorage<string, S> => ({
    ...adapter,
    read: async (key) => {
      const saved = await adapter.read(key);
      if (saved === undefined || savedVersion(saved) === version) return saved;
      await adapter.delete(key);
      dropped.add(key);
      return undefined;
    },
  });
  const middleware: MiddlewareFn<BotContext> = async (ctx, next) => {
    const key = ctx.chatId?.toString();
    if (key === undefined || !dropped.delete(key)) return next();
    delete ctx.session.flowStartedAt;
    ctx.logger.info({ version }, "stale flow state dropped");
    await onRestart(ctx);
  };
  return { storage, middleware };
}

const savedVersion = (saved: VersionedState<unknown>) => (Array.isArray(saved.version) ? saved.version[1] : undefined);
