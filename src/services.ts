import { join } from "node:path";
import type { PrismaClient } from "./db/index.js";
import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import type { Services } from "./bot/services.js";
import { prismaQuestionQueue } from "./questions/prisma-question-queue.js";
import { faqProvider } from "./questions/faq.js";
import { prismaOutbox } from "./outbound/prisma-outbox.js";
// The thread's own module only: retrieval and its libraries are loaded on the knowledge thread alone.
import { startKnowledgeThread } from "./knowledge/thread/knowledge-thread.js";
import { eligibilityService, loadProgrammes } from "./eligibility/index.js";
import { prismaCheckStore } from "./eligibility/prisma-check-store.js";
import { prismaAuditLog } from "./audit/audit-log.js";
import { leadService } from "./leads/lead-service.js";
import { farmerDataService } from "./leads/farmer-data.js";
import { createPlaceResolver } from "./places/resolver.js";
import { translator } from "./i18n/translate.js";
import { openAiTranscriber } from "./speech/transcriber.js";
import { subscriptionService } from "./broadcast/subscriptions.js";
import { campaignService } from "./broadcast/campaigns.js";

/**
 * Builds the plain-TypeScript services over the database and the knowledge folder; the clock is real
 * here, injected in tests. The knowledge service runs on its own thread, where the retrieval index is
 * built on the first start (about a second offline) and loaded. `deliverable` names the channels that
 * have an outbound sender (known once the channels are built). `knowledgeRunning` tells the readiness
 * probe whether that thread still answers. `close` waits for the answers in flight
 * and ends the knowledge thread (before the database closes: it reads FAQ entries through it).
 */
export async function createServices(
  prisma: PrismaClient,
  config: Config,
  logger: Logger,
  deliverable: () => readonly string[] = () => [],
): Promise<{ services: Services; knowledgeRunning(): boolean; close(): Promise<void> }> {
  // Rules are read once at start: a broken rule file stops the start instead of misleading farmers
  // (read before the knowledge thread starts, which would then have to be ended).
  const programmes = loadProgrammes(join(config.knowledgeDir, "programmes"));
  // Officers' published FAQ entries are answered from like guides; publishing refreshes them at once.
  const knowledge = await startKnowledgeThread({
    dataDir: config.dataDir,
    indexDir: config.indexDir,
    knowledgeDir: config.knowledgeDir,
    openai: config.openai,
    logger,
    faqs: faqProvider(prisma),
  });
  const audit = prismaAuditLog(prisma);
  const outbox = prismaOutbox(prisma);
  const now = () => new Date();
  const services: Services = {
    now,
    questions: prismaQuestionQueue(prisma, { outbox, translate: translator() }),
    outbox,
    knowledge,
    eligibility: eligibilityService(programmes, prismaCheckStore(prisma)),
    leads: leadService({ prisma, outbox, audit, now }),
    farmerData: farmerDataService({ prisma, audit, now }),
    places: createPlaceResolver(),
    ...(config.speech ? { speech: openAiTranscriber(config.speech) } : {}),
    subscriptions: subscriptionService({ prisma, now }),
    broadcasts: campaignService({ prisma, audit, deliverable }),
  };
  return { services, knowledgeRunning: () => knowledge.running(), close: () => knowledge.close() };
}
