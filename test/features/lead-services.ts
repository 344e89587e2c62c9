import { prismaAuditLog } from "../../src/audit/audit-log.js";
import type { PrismaClient } from "../../src/db/index.js";
import { farmerDataService } from "../../src/leads/farmer-data.js";
import { leadService } from "../../src/leads/lead-service.js";
import { memoryOutbox } from "../../src/outbound/outbox.js";
import type { ApiCall } from "../support/recording-fetch.js";
import { buttonUpdate, stickerUpdate, textUpdate } from "../support/recording-fetch.js";
import { testBot } from "../support/test-bot.js";
import type { KeyValueStore } from "../../src/bot/key-value-store.js";
import { memoryKeyValueStore } from "../../src/bot/key-value-store.js";

export const NOW = new Date("2026-11-27T08:00:00Z");

/** The lead and farmer-data services over a test database, with a recording outbox. */
export function leadTestServices(prisma: PrismaClient) {
  const outbox = memoryOutbox();
  const audit = prismaAuditLog(prisma);
  const now = () => NOW;
  return {
    outbox,
    leads: leadService({ prisma, outbox, audit, now }),
    farmerData: farmerDataService({ prisma, audit, now }),
  };
}

/** A test bot over real lead services, and a chat that types and presses buttons. */
export function chattingBot(prisma: PrismaClient, store: KeyValueStore = memoryKeyValueStore()) {
  const services = leadTestServices(prisma);
  const { bot, api, checks } = testBot(store, { leads: services.leads, farmerData: services.farmerData });
  let updateId = 0;
  const calls = async (update: Parameters<typeof bot.handleUpdate>[0]): Promise<ApiCall[]> => {
    await bot.handleUpdate(update);
    return api.take();
  };
  return {
    ...services,
    store,
    /** Eligibility checks, whose *Đăng ký* button opens the registration with what they know. */
    checks,
    say: (chatId: number, text: string) => calls(textUpdate(++updateId, chatId, text)),
    press: (chatId: number, data: string) => calls(buttonUpdate(++updateId, chatId, data)),
    sticker: (chatId: number) => calls(stickerUpdate(++updateId, chatId)),
  };
}

/** What the bot wrote (messages), joined: enough for "contains" checks. */
export const textOf = (calls: ApiCall[]) =>
  calls
    .filter((c) => c.method === "sendMessage")
    .map((c) => String(c.payload.text))
    .join("\n---\n");

/** Callback data of every button the bot sent in these calls. */
export const buttonsOf = (calls: ApiCall[]) =>
  calls.flatMap((c) =>
    (
      (c.payload.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard ??
      []
    )
      .flat()
      .map((b) => b.callback_data ?? ""),
  );
