import { mkdir } from "node:fs/promises";
import { hostname } from "node:os";
import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import { applyMigrations, openDatabase, type PrismaClient } from "./db/index.js";
import { lockEmbeddedDatabase } from "./db/embedded-lock.js";
import { translator } from "./i18n/translate.js";
import { createBot, type BotDeps } from "./bot/create-bot.js";
import { prismaKeyValueStore, prismaUpdateLedger } from "./bot/prisma-stores.js";
import { heldByCaller, processChatLock, type ChatLock } from "./bot/chat-lock.js";
import type { UpdateLedger } from "./bot/update-ledger.js";
import { advisoryLocks } from "./db/advisory-lock.js";
import { sharedSecret } from "./db/shared-secret.js";
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
import { renderForListing } from "./bot/choices.js";
import { prismaChannelChats } from "./channels/channel-chats.js";
import { createZaloChannel, ZALO_BOT_INFO, ZALO_CHANNEL } from "./channels/zalo/zalo-channel.js";
import { zaloBotApi } from "./channels/zalo/wire.js";
import { startZaloPolling } from "./channels/zalo/polling.js";
import { zaloWebhook } from "./channels/zalo/webhook.js";
import { createZaloOaChannel, ZALO_OA_BOT_INFO, ZALO_OA_CHANNEL } from "./channels/zalo-oa/oa-channel.js";
import { tellOfficerAnswerUndeliverable } from "./questions/officer-desk.js";
import { startDeliveryWorker } from "./outbound/delivery-worker.js";
import { prismaPacer } from "./broadcast/pacing.js";
import { startBroadcastWorker } from "./broadcast/broadcast-worker.js";
import { broadcastQuota } from "./broadcast/delivery-rules.js";
import { startMaintenance } from "./maintenance/maintenance.js";
import type { OutboundSender } from "./outbound/outbox.js";
import { adminRoutes } from "./admin/routes.js";
import { prismaAuditLog } from "./audit/audit-log.js";
import { ensureSetupLink } from "./staff/index.js";
import { metrics } from "./metrics.js";

export interface RunningApp {
  /** Base URL of the server for the dashboard, and the web chat and Telegram webhook when enabled. */
  url: string;
  webchat?: WebChat;
  services: Services;
  /** The database, for scripts and tests that act as an officer would in the dashboard. */
  prisma: PrismaClient;
  stop(): Promise<void>;
}

/**
 * The composition root: database (migrated), services, one bot per channel, the HTTP server.
 * Everything is created here and handed down, so tests can start the real app in-process.
 */
export async function startApp(config: Config, logger: Logger): Promise<RunningApp> {
  const cleanups: Array<() => Promise<void> | void> = [];
  let stopping = false;
  // Cleanups run in reverse: the HTTP server stops accepting and lets requests in flight (webhook
  // deliveries, web chat inputs) finish, then polling and workers stop, then the database closes.
  const stop = async () => {
    stopping = true;
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    await mkdir(config.dataDir, { recursive: true });
    cleanups.push(lockEmbeddedDatabase(config.databaseUrl, config.dataDir));
    const db = await openDatabase(config.databaseUrl);
    cleanups.push(() => db.close());
    const { applied } = await applyMigrations(db, { log: (msg) => logger.info(msg) });
    if (applied.length > 0) logger.info({ applied }, "database migrated");

    const senders = new Map<string, OutboundSender>();
    const {
      services,
      knowledgeRunning,
      close: closeServices,
    } = await createServices(db.prisma, config, logger, () => [...senders.keys()]);
    cleanups.push(closeServices);
    const store = prismaKeyValueStore(db.prisma);
    const ledger = prismaUpdateLedger(db.prisma);
    const chatLock = openChatLock(db.kind, config.databaseUrl, cleanups);
    const tagKey = await sharedSecret(db.prisma, "log-chat-tag");
    type ChannelParts = Pick<
      BotDeps,
      "channel" | "token" | "client" | "botInfo" | "renderChoices" | "editsChoices" | "fileUrl"
    > & {
      chatLock?: ChatLock;
      ledger?: UpdateLedger;
    };
    const buildBot = (parts: ChannelParts) =>
      createBot({
        ...parts,
        chatLock: parts.chatLock ?? chatLock,
        ledger: parts.ledger ?? ledger,
        store,
        logger,
        services,
        tagKey,
      });

    const httpParts: Parameters<typeof createHttpApp>[0] = [];
    let webchat: WebChat | undefined;
    if (config.webchat.enabled) {
      webchat = createWebChat({
        transcript: prismaTranscript(db.prisma),
        ledger,
        chatLock,
        buildBot: (client, claimingLedger) =>
          buildBot({
            channel: WEBCHAT_CHANNEL,
            token: "webchat",
            client,
            botInfo: WEBCHAT_BOT_INFO,
            chatLock: heldByCaller(chatLock),
            ledger: claimingLedger,
          }),
      });
      httpParts.push({ path: "/", app: webChatRoutes({ webchat, translate: translator(), logger }) });
      senders.set(WEBCHAT_CHANNEL, webchat.sender);
    }

    if (config.telegram) {
      const { token, apiRoot } = config.telegram;
      const bot = buildBot({
        channel: "telegram",
        token,
        client: { apiRoot },
        fileUrl: (path) => `${apiRoot}/file/bot${token}/${path}`,
      });
      senders.set("telegram", telegramSender(bot.api));
      if (config.telegram.webhook) {
        httpParts.push(await telegramWebhook(bot, config.telegram.webhook, translator()));
        logger.info("telegram webhook set");
      } else {
        const polling = await startPolling(bot, logger);
        cleanups.push(() => polling.stop());
        logger.info("telegram long polling started");
      }
    }

    if (config.zalo) {
      const zaloConfig = config.zalo;
      const api = zaloBotApi(zaloConfig.apiRoot, zaloConfig.token);
      const zalo = createZaloChannel({
        api,
        chats: prismaChannelChats(db.prisma, ZALO_CHANNEL),
        store,
        translate: translator(),
        logger: logger.child({ channel: ZALO_CHANNEL }),
        // Zalo hands voice messages over as URLs: the "file path" is the address itself.
        buildBot: (client) =>
          buildBot({
            channel: ZALO_CHANNEL,
            token: "zalo",
            client,
            botInfo: ZALO_BOT_INFO,
            renderChoices: renderForListing,
            editsChoices: false,
            fileUrl: (url) => url,
          }),
      });
      senders.set(ZALO_CHANNEL, zalo.sender);
      if (zaloConfig.webhook) {
        httpParts.push(
          await zaloWebhook({ api, webhook: zaloConfig.webhook, handle: zalo.handle, translate: translator(), logger }),
        );
        logger.info("zalo webhook set");
      } else {
        const polling = await startZaloPolling({
          api,
          handle: zalo.handle,
          logger,
          timeoutSeconds: zaloConfig.pollTimeoutSeconds,
        });
        cleanups.push(() => polling.stop());
        logger.info("zalo long polling started");
      }
    }

    if (config.zaloOa) {
      const oa = await createZaloOaChannel({
        config: config.zaloOa,
        prisma: db.prisma,
        store,
        translate: translator(),
        logger: logger.child({ channel: ZALO_OA_CHANNEL }),
        now: services.now,
        buildBot: (client) =>
          buildBot({
            channel: ZALO_OA_CHANNEL,
            token: "zalo-oa",
            client,
            botInfo: ZALO_OA_BOT_INFO,
            renderChoices: renderForListing,
            editsChoices: false,
            fileUrl: (url) => url,
          }),
      });
      senders.set(ZALO_OA_CHANNEL, oa.sender);
      httpParts.push(oa.webhook);
      const upkeep = oa.startTokenUpkeep();
      cleanups.push(() => upkeep.stop());
      logger.info({ path: config.zaloOa.webhookPath }, "zalo oa webhook served");
    }

    const dashboard = adminRoutes({
      prisma: db.prisma,
      outbox: services.outbox,
      broadcasts: services.broadcasts,
      audit: prismaAuditLog(db.prisma),
      translate: translator(),
      logger,
      now: services.now,
      knowledgeChanged: () => services.knowledge.refresh(),
      trustProxy: config.http.trustProxy,
      production: config.env === "production",
    });
    httpParts.push({ path: "/admin", app: dashboard });

    const workerId = `${hostname()}:${process.pid}`;
    const pacer = prismaPacer(db.prisma, (channel) => config.broadcast.rates[channel] ?? config.broadcast.rates.zalo!);
    const worker = startDeliveryWorker({
      prisma: db.prisma,
      senders,
      logger,
      workerId,
      pacer,
      onUndeliverable: (job) =>
        tellOfficerAnswerUndeliverable({ prisma: db.prisma, outbox: services.outbox, translate: translator() }, job),
    });
    cleanups.push(() => worker.stop());
    const broadcasts = startBroadcastWorker({
      prisma: db.prisma,
      campaigns: services.broadcasts,
      senders,
      pacer,
      translate: translator(),
      logger,
      workerId,
      lanes: config.broadcast.lanes,
      // The Official Account's package caps how many broadcasts a follower may get.
      rules: new Map([[ZALO_OA_CHANNEL, broadcastQuota(db.prisma, config.broadcast.zaloOaQuota)]]),
      onProgress: (id, report) =>
        metrics.broadcastProgress(id, {
          pending: report.pending,
          sent: report.sent,
          failed: Object.values(report.failed).reduce((a, b) => a + b, 0),
        }),
    });
    cleanups.push(() => broadcasts.stop());
    const maintenance = startMaintenance({
      prisma: db.prisma,
      logger,
      now: services.now,
      lock: chatLock,
      sendStaleNotices: services.leads.sendStaleNotices,
    });
    cleanups.push(() => maintenance.stop());

    metrics.watchOutboxDepth(() => db.prisma.outboundJob.count({ where: { status: { in: ["pending", "sending"] } } }));
    const ready = async () => ({
      database: await db.prisma.$queryRaw`SELECT 1`.then(
        () => true,
        () => false,
      ),
      // Services are created only once the index is loaded (read-only) on the knowledge thread: ready
      // while that thread runs.
      index: knowledgeRunning(),
      accepting: !stopping,
    });
    const server = await startHttpServer(createHttpApp(httpParts, { ready }), config.http.host, config.http.port);
    cleanups.push(() => server.close());
    // The link holds a one-time secret: it goes to the operator's console, never into the logs.
    await ensureSetupLink(db.prisma, server.url, (line) => console.log(line), {
      key: await sharedSecret(db.prisma, "setup-link"),
      lock: chatLock,
    });
    return { url: server.url, webchat, services, prisma: db.prisma, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Chat locks across instances on PostgreSQL (advisory locks); on the embedded database one process
 * owns the data (pid lock), so an in-memory lock is already exclusive.
 */
function openChatLock(kind: "pglite" | "postgres", url: string, cleanups: Array<() => Promise<void> | void>): ChatLock {
  if (kind === "pglite") return processChatLock({ onlyInstance: true });
  const locks = advisoryLocks(url);
  cleanups.push(() => locks.close());
  return locks;
}
