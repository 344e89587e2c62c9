import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { hostname } from "node:os";
import type { ApiClientOptions } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import { applyMigrations, openDatabase } from "./db/index.js";
import { acquirePidLock } from "./lib/pid-lock.js";
import { translator } from "./i18n/translate.js";
import { createBot } from "./bot/create-bot.js";
import { prismaKeyValueStore, prismaUpdateLedger } from "./bot/prisma-stores.js";
import { createServices } from "./services.js";
import type { Services } from "./bot/services.js";
import { createWebChat, WEBCHAT_CHANNEL, type WebChat } from "./channels/webchat/webchat.js";
import { WEBCHAT_BOT_INFO } from "./channels/webchat/local-bot-api.js";
import { prismaTranscript } from "./channels/webchat/prisma-transcript.js";
import { webChatRoutes } from "./channels/webchat/routes.js";
import { startPolling } from "./channels/telegram/polling.js";
import { telegramWebhook } from "./channels/telegram/webhook.js";
import { createHttpApp, startHttpServer } from "./server/http-server.js";
import { telegramSender } from "./channels/telegram/sender.js";
import { startDeliveryWorker } from "./outbound/delivery-worker.js";
import { startMaintenance } from "./maintenance/maintenance.js";
import type { OutboundSender } from "./outbound/outbox.js";
import { adminRoutes } from "./admin/routes.js";
import { prismaAuditLog } from "./audit/audit-log.js";
import { ensureSetupLink } from "./staff/index.js";

export interface RunningApp {
  /** Base URL of the server for the dashboard, and the web chat and Telegram webhook when enabled. */
  url: string;
  webchat?: WebChat;
  services: Services;
  stop(): Promise<void>;
}

/**
 * The composition root: database (migrated), services, one bot per channel, the HTTP server.
 * Everything is created here and handed down, so tests can start the real app in-process.
 */
export async function startApp(config: Config, logger: Logger): Promise<RunningApp> {
  const cleanups: Array<() => Promise<void> | void> = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    await mkdir(config.dataDir, { recursive: true });
    if (config.databaseUrl.startsWith("pglite:") && config.databaseUrl !== "pglite:memory") {
      cleanups.push(acquirePidLock(join(config.dataDir, "app.pid")));
    }
    const db = await openDatabase(config.databaseUrl);
    cleanups.push(() => db.close());
    const { applied } = await applyMigrations(db, { log: (msg) => logger.info(msg) });
    if (applied.length > 0) logger.info({ applied }, "database migrated");

    const services = await createServices(db.prisma, config, logger);
    const store = prismaKeyValueStore(db.prisma);
    const ledger = prismaUpdateLedger(db.prisma);
    const buildBot = (channel: string, token: string, client: ApiClientOptions, botInfo?: UserFromGetMe) =>
      createBot({ channel, token, client, botInfo, store, ledger, logger, services });

    const httpParts: Parameters<typeof createHttpApp>[0] = [];
    const senders = new Map<string, OutboundSender>();
    let webchat: WebChat | undefined;
    if (config.webchat.enabled) {
      webchat = createWebChat({
        transcript: prismaTranscript(db.prisma),
        buildBot: (client) => buildBot(WEBCHAT_CHANNEL, "webchat", client, WEBCHAT_BOT_INFO),
      });
      httpParts.push({ path: "/", app: webChatRoutes({ webchat, translate: translator(), logger }) });
      senders.set(WEBCHAT_CHANNEL, webchat.sender);
    }

    if (config.telegram) {
      const bot = buildBot("telegram", config.telegram.token, { apiRoot: config.telegram.apiRoot });
      senders.set("telegram", telegramSender(bot.api));
      if (config.telegram.webhook) {
        httpParts.push(await telegramWebhook(bot, config.telegram.webhook));
        logger.info("telegram webhook set");
      } else {
        const polling = await startPolling(bot);
        cleanups.push(() => polling.stop());
        logger.info("telegram long polling started");
      }
    }

    const dashboard = adminRoutes({
      prisma: db.prisma, outbox: services.outbox, audit: prismaAuditLog(db.prisma), translate: translator(), logger,
      now: services.now, knowledgeDir: config.knowledgeDir, knowledgeChanged: () => services.knowledge.refresh(), production: config.env === "production",
    });
    httpParts.push({ path: "/admin", app: dashboard });

    const worker = startDeliveryWorker({ prisma: db.prisma, senders, logger, workerId: `${hostname()}:${process.pid}` });
    cleanups.push(() => worker.stop());
    const maintenance = startMaintenance({ prisma: db.prisma, logger, now: services.now });
    cleanups.push(() => maintenance.stop());

    const server = await startHttpServer(createHttpApp(httpParts), config.http.host, config.http.port);
    cleanups.push(() => server.close());
    // The link holds a one-time secret: it goes to the operator's console, never into the logs.
    await ensureSetupLink(db.prisma, server.url, (line) => console.log(line));
    return { url: server.url, webchat, services, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
