import { createBot } from "../../src/bot/create-bot.js";
import { memoryKeyValueStore, type KeyValueStore } from "../../src/bot/key-value-store.js";
import { memoryUpdateLedger } from "../../src/bot/update-ledger.js";
import { processChatLock } from "../../src/bot/chat-lock.js";
import { memoryQuestionQueue } from "./memory-question-queue.js";
import { memoryOutbox } from "./memory-outbox.js";
import { WEBCHAT_BOT_INFO } from "../../src/channels/webchat/local-bot-api.js";
import { createLogger } from "../../src/logger.js";
import { buttonUpdate, recordingFetch, stickerUpdate, textUpdate, type ApiCall } from "./recording-fetch.js";
import type { Services } from "../../src/bot/services.js";
import { createPlaceResolver, type PlaceResolver } from "../../src/places/resolver.js";
import { fakeKnowledge } from "./fake-knowledge.js";
import { eligibilityService, loadProgrammes, memoryCheckStore } from "../../src/eligibility/index.js";

/**
 * Database-backed services a test did not pass: any call fails loudly. Tests of leads and farmer data
 * pass real ones over PGlite (see test/features/lead-services.ts).
 */
function notWired<T extends object>(name: string, wired: Partial<T> = {}): T {
  return new Proxy(wired as T, {
    get: (target, method) =>
      method in target
        ? target[method as keyof T]
        : () => Promise.reject(new Error(`services.${name}.${String(method)} is not wired in this test`)),
  });
}

let places: PlaceResolver | undefined;
/** Building the resolver reads the commune list: once per test file is enough. */
const sharedPlaces = () => (places ??= createPlaceResolver());

/** A bot wired with in-memory parts and a recording fake Bot API; `store` can be shared to simulate a restart. */
export function testBot(store: KeyValueStore = memoryKeyValueStore(), overrides: Partial<Services> = {}) {
  const api = recordingFetch();
  const questions = memoryQuestionQueue();
  const outbox = memoryOutbox();
  const knowledge = fakeKnowledge();
  const checks = memoryCheckStore();
  const eligibility = eligibilityService(loadProgrammes("knowledge/programmes"), checks);
  const bot = createBot({
    channel: "telegram",
    token: "123:test",
    botInfo: WEBCHAT_BOT_INFO,
    client: { fetch: api.fetch },
    store,
    ledger: memoryUpdateLedger(store),
    chatLock: processChatLock({ onlyInstance: true }),
    tagKey: Buffer.from("test-tag-key"),
    logger: createLogger("silent"),
    services: {
      now: () => new Date("2026-11-27T08:00:00Z"),
      questions,
      outbox,
      knowledge,
      eligibility,
      leads: notWired<Services["leads"]>("leads"),
      // The test chat is a Telegram one: it keeps no transcript, so a dropped flow has nothing to forget.
      farmerData: notWired<Services["farmerData"]>("farmerData", { forgetFlowMessages: async () => 0 }),
      places: sharedPlaces(),
      // Nobody is subscribed: the offer of announcements asks before it is shown.
      subscriptions: notWired<Services["subscriptions"]>("subscriptions", { get: async () => undefined }),
      broadcasts: notWired<Services["broadcasts"]>("broadcasts"),
      ...overrides,
    },
  });
  return { bot, api, questions, outbox, knowledge, checks, store };
}

/** Sends updates as users would (update ids counting up) and returns the Bot API calls each one caused. */
export function chatDriver({ bot, api }: Pick<ReturnType<typeof testBot>, "bot" | "api">) {
  let updateId = 0;
  const run = async (update: Parameters<typeof bot.handleUpdate>[0]): Promise<ApiCall[]> => {
    await bot.handleUpdate(update);
    return api.take();
  };
  return {
    say: (chatId: number, text: string) => run(textUpdate(++updateId, chatId, text)),
    press: (chatId: number, data: string) => run(buttonUpdate(++updateId, chatId, data)),
    sticker: (chatId: number) => run(stickerUpdate(++updateId, chatId)),
  };
}

export function sentTexts(calls: { method: string; payload: Record<string, unknown> }[]): string[] {
  return calls.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text));
}

/** The main menu's buttons, in order: what /start, small talk and the end of a flow offer. */
export const MAIN_MENU = ["menu:law", "menu:check", "menu:register", "menu:ask", "menu:officer", "menu:subscribe"];

export function buttonData(call: { payload: Record<string, unknown> } | undefined): string[] {
  const markup = call?.payload.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data ?? "");
}
