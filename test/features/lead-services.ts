import { prismaAuditLog } from "../../src/audit/audit-log.js";
import type { PrismaClient } from "../../src/db/index.js";
import { farmerDataService } from "../../src/leads/farmer-data.js";
import { leadService } from "../../src/leads/lead-service.js";
import { memoryOutbox } from "../support/memory-outbox.js";
import type { ApiCall } from "../support/recording-fetch.js";
import { buttonData, chatDriver, sentTexts, testBot } from "../support/test-bot.js";
import type { Services } from "../../src/bot/services.js";
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
export function chattingBot(
  prisma: PrismaClient,
  store: KeyValueStore = memoryKeyValueStore(),
  /** More services for the bot, which may use the lead services (their outbox, say). */
  extra: (services: ReturnType<typeof leadTestServices>) => Partial<Services> = () => ({}),
) {
  const services = leadTestServices(prisma);
  const wired = testBot(store, { leads: services.leads, farmerData: services.farmerData, ...extra(services) });
  return {
    ...services,
    store,
    api: wired.api,
    /** Eligibility checks, whose *Đăng ký* button opens the registration with what they know. */
    checks: wired.checks,
    ...chatDriver(wired),
  };
}

/** What the bot wrote (messages), joined: enough for "contains" checks. */
export const textOf = (calls: ApiCall[]) => sentTexts(calls).join("\n---\n");

/** Callback data of every button the bot sent in these calls. */
export const buttonsOf = (calls: ApiCall[]) => calls.flatMap((call) => buttonData(call));
