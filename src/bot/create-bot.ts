import { Bot, type ApiClientOptions, type MiddlewareFn, session } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { conversations } from "@grammyjs/conversations";
import type { Logger } from "../logger.js";
import { translator } from "../i18n/translate.js";
import type { BotContext, FlowContext, SessionData } from "./context.js";
import type { Services } from "./services.js";
import { deferredWrites, type KeyValueStore } from "./key-value-store.js";
import type { ChatLock } from "./chat-lock.js";
import type { UpdateLedger } from "./update-ledger.js";
import { chatStateKeys, conversationStorage, sessionStorage } from "./storage.js";
import { renderAsButtons, type ChoiceRenderer } from "./choices.js";
import { contextSetup } from "./middleware/context-setup.js";
import { deduplicate } from "./middleware/deduplicate.js";
import { voiceToText } from "./middleware/voice.js";
import { handleBotError } from "./middleware/error-boundary.js";
import { storableInput } from "./middleware/storable-input.js";
import { metrics } from "../metrics.js";
import { trackFlowStart } from "./middleware/flow-start.js";
import { restartStaleFlow } from "./middleware/stale-flow.js";
import { menuFeature, showMainMenu } from "../features/menu/index.js";
import { contactOfficerFeature, farmerReplyFeature, openContactOfficer } from "../features/contact-officer/index.js";
import { answerQuestionFeature, openQuestionsCommand } from "../features/officer-chat/answer-question.js";
import { askFeature, showAskPrompt } from "../features/ask/index.js";
import { learnLawFeature, showTopics } from "../features/learn-law/index.js";
import { fallbackFeature } from "../features/fallback/index.js";
import { eligibilityFeature, enterEligibility } from "../features/eligibility/index.js";
import { registerFeature, enterRegister } from "../features/register/index.js";
import { myDataFeature } from "../features/my-data/index.js";
import { officerChatFeature } from "../features/officer-chat/index.js";
import { broadcastCommandFeature } from "../features/officer-chat/broadcast-command.js";
import { openSubscriptions, subscriptionsFeature } from "../features/subscriptions/index.js";
import { announcementSignupFeature } from "../features/subscriptions/signup-press.js";

export interface BotDeps {
  /** Transport name, used for storage namespaces, deduplication and logs. */
  channel: string;
  token: string;
  /** Known bot identity; channels other than Telegram pass their own so no getMe call is made. */
  botInfo?: UserFromGetMe;
  /** Where API calls go: the Telegram API root, or a channel's own fetch (web chat, tests). */
  client?: ApiClientOptions;
  store: KeyValueStore;
  ledger: UpdateLedger;
  /** One update per chat at a time, across instances where the database allows it. */
  chatLock: ChatLock;
  logger: Logger;
  services: Services;
  locale?: string;
  /** How the channel shows choices; buttons (an inline keyboard) unless the channel has none. */
  renderChoices?: ChoiceRenderer;
  /** Whether a sent message with choices can be edited; true unless the channel cannot (Zalo lists them in text). */
  editsChoices?: boolean;
  /** Key of the chat tags in logs, shared by all instances (see chatTag). */
  tagKey: Buffer;
  /** Where a file the channel's getFile names is downloaded from (voice messages). */
  fileUrl?: (filePath: string) => string;
}

/**
 * Bump when a conversation's steps change incompatibly (a wait added, removed or moved): stored replay
 * logs of the old version are then discarded and the farmer told to start again (restartStaleFlow)
 * instead of replayed into the wrong step. 3: the fewer-than-5-members note of registration.
 */
const CONVERSATION_VERSION = 3;

/** Assembles the one bot every channel runs: same features, same flows, same texts. */
export function createBot(deps: BotDeps): Bot<BotContext> {
  const client = { ...deps.client, fetch: countingSends(deps.channel, deps.client?.fetch ?? fetch) };
  const bot = new Bot<BotContext>(deps.token, { botInfo: deps.botInfo, client });
  const setupDeps = {
    channel: deps.channel,
    logger: deps.logger,
    translate: translator(deps.locale),
    services: deps.services,
    renderChoices: deps.renderChoices ?? renderAsButtons,
    editsChoices: deps.editsChoices ?? true,
    tagKey: deps.tagKey,
  };
  const setup = contextSetup<BotContext>(setupDeps);
  const flowPlugins = [contextSetup<FlowContext>(setupDeps)] as MiddlewareFn<FlowContext>[];

  const state = deferredWrites(deps.store);

  bot.use(async (_ctx, next) => {
    metrics.messageIn(deps.channel);
    const started = performance.now();
    try {
      await next();
    } finally {
      metrics.updateHandled(deps.channel, (performance.now() - started) / 1000);
    }
  });
  bot.use(setup);
  bot.use(storableInput());
  // Inside the boundary: a database that is down (lock, ledger) gets the farmer a "try again" reply.
  const guarded = bot.errorBoundary(handleBotError);
  // One update per chat at a time (also on two instances), so a fast double tap or a redelivery
  // cannot interleave two steps of a flow or overwrite one answer's state with another's.
  guarded.use((ctx, next) =>
    ctx.chatId === undefined ? next() : deps.chatLock.run(`${deps.channel}:${ctx.chatId}`, next),
  );
  guarded.use(
    deduplicate({
      ledger: deps.ledger,
      exclusive: (ctx) => ctx.chatId !== undefined && deps.chatLock.crossInstance,
      // The session and the conversation state are both read for every update: read with the claim.
      readKeys: (ctx) => (ctx.chatId === undefined ? [] : chatStateKeys(deps.channel, ctx.chatId)),
      collectWrites: state.collect,
    }),
  );
  guarded.use(
    session<SessionData, BotContext>({ initial: () => ({}), storage: sessionStorage(state.store, deps.channel) }),
  );
  guarded.use(voiceToText(deps.fileUrl));
  const staleFlow = restartStaleFlow(CONVERSATION_VERSION, (ctx) => showMainMenu(ctx, ctx.t("flow-restarted")));
  guarded.use(
    conversations<BotContext, FlowContext>({
      storage: {
        type: "key",
        version: CONVERSATION_VERSION,
        adapter: staleFlow.storage(conversationStorage(state.store, deps.channel)),
        getStorageKey: (ctx) => ctx.chatId?.toString(),
      },
    }),
  );

  guarded.use(staleFlow.middleware);
  guarded.use(trackFlowStart());

  const menu = menuFeature({
    law: showTopics,
    ask: showAskPrompt,
    officer: openContactOfficer,
    register: enterRegister,
    check: enterEligibility,
    subscribe: openSubscriptions,
  });
  guarded.use(menu.beforeFlows);
  // Commands that also work in the middle of a flow, like /huy: seen before the conversations.
  guarded.use(myDataFeature());
  guarded.use(subscriptionsFeature(flowPlugins));
  guarded.use(officerChatFeature());
  guarded.use(openQuestionsCommand());
  guarded.use(contactOfficerFeature(flowPlugins));
  guarded.use(answerQuestionFeature(flowPlugins));
  guarded.use(broadcastCommandFeature(flowPlugins));
  guarded.use(registerFeature(flowPlugins));
  guarded.use(announcementSignupFeature());
  guarded.use(farmerReplyFeature());
  guarded.use(eligibilityFeature(flowPlugins));
  guarded.use(menu.afterFlows);
  guarded.use(learnLawFeature());
  guarded.use(askFeature());
  guarded.use(fallbackFeature());

  return bot;
}

/**
 * Counts the bot's outgoing messages at the API client: calls made inside conversations bypass
 * grammY's API transformers, but not the client's fetch.
 */
function countingSends(channel: string, inner: typeof fetch): typeof fetch {
  return ((input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (/\/(send|edit)\w+$/.test(url)) metrics.messageOut(channel);
    return inner(input, init);
  }) as typeof fetch;
}
