import type { ApiClientOptions, Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { BotContext } from "../../bot/context.js";
import type { KeyValueStore } from "../../bot/key-value-store.js";
import type { Config } from "../../config.js";
import type { PrismaClient } from "../../db/index.js";
import type { Translate } from "../../i18n/translate.js";
import type { Logger } from "../../logger.js";
import { Undeliverable } from "../../outbound/outbox.js";
import { prismaChannelChats } from "../channel-chats.js";
import { createZaloChannel, ZALO_BOT_INFO, type ZaloTransport } from "../zalo/zalo-channel.js";
import type { ZaloEvent } from "../zalo/wire.js";
import { prismaOaAccessTokens, seedOaTokens } from "./access-tokens.js";
import { prismaOaContacts } from "./oa-contacts.js";
import { oaMessenger, type OaMessenger } from "./oa-messenger.js";
import { zaloOaWebhook } from "./webhook.js";
import { oaApi, type OaEvent } from "./wire.js";

export const ZALO_OA_CHANNEL = "zalo-oa";

/** The bot as grammY sees it on the OA: the Zalo bot's identity under its own id. */
export const ZALO_OA_BOT_INFO: UserFromGetMe = { ...ZALO_BOT_INFO, id: 3, username: "tro_ly_htx_zalo_oa" };

/** How often idle instances check the access token, so it (and the refresh token) never lapses. */
const TOKEN_CHECK_MS = 60 * 60_000;

/** The OA as the Zalo chat adapter's transport: a message its rules forbid is Undeliverable. */
function oaTransport(messenger: OaMessenger): ZaloTransport {
  return {
    async sendMessage(userId, text) {
      const result = await messenger.sendText(userId, text);
      if (!result.sent) throw new Undeliverable(result.reason);
      return { message_id: result.messageId };
    },
    // The OA API has no typing indicator.
    sendChatAction: async () => undefined,
  };
}

function asZaloEvent(event: Exclude<OaEvent, { kind: "ignored" | "follow" | "unfollow" }>): ZaloEvent {
  if (event.kind === "text") return { kind: "text", text: event.text };
  if (event.kind === "audio") return event.url ? { kind: "voice", url: event.url } : { kind: "unsupported" };
  return { kind: event.kind };
}

/**
 * The Zalo Official Account channel: the OA's webhook feeds the same Zalo chat adapter (numbered
 * choices, typed replies, split texts) over the one bot; replies go out as customer-service messages
 * within the OA's delivery rules, with the access token refreshed before it expires.
 */
export async function createZaloOaChannel(deps: {
  config: NonNullable<Config["zaloOa"]>;
  prisma: PrismaClient;
  store: KeyValueStore;
  translate: Translate;
  logger: Logger;
  now: () => Date;
  buildBot: (client: ApiClientOptions) => Bot<BotContext>;
}) {
  const { config, prisma, logger, now } = deps;
  const api = oaApi({
    apiRoot: config.apiRoot,
    oauthRoot: config.oauthRoot,
    appId: config.appId,
    appSecret: config.appSecret,
  });
  await seedOaTokens(
    prisma,
    config.appId,
    { accessToken: config.accessToken, refreshToken: config.refreshToken },
    now(),
  );
  const tokens = prismaOaAccessTokens(prisma, config.appId, api);
  const contacts = prismaOaContacts(prisma, {
    verified: config.verified,
    monthlyProactiveQuota: config.monthlyProactiveQuota,
  });
  const messenger = oaMessenger({ api, tokens, contacts, now, logger });
  const chat = createZaloChannel({
    channel: ZALO_OA_CHANNEL,
    botInfo: ZALO_OA_BOT_INFO,
    api: oaTransport(messenger),
    chats: prismaChannelChats(prisma, ZALO_OA_CHANNEL),
    store: deps.store,
    translate: deps.translate,
    logger,
    buildBot: deps.buildBot,
  });

  async function onEvent(event: Exclude<OaEvent, { kind: "ignored" }>) {
    if (event.kind === "follow" || event.kind === "unfollow") {
      await contacts.recordFollow(event.userId, event.kind === "follow");
      logger.info({ event: event.kind }, "zalo oa follower change");
      return;
    }
    // First: the farmer's message opens the reply window the answer is sent in.
    await contacts.recordInbound(event.userId, event.messageId, new Date(event.at));
    await chat.handle({ messageId: event.messageId, chatId: event.userId, date: event.at, event: asZaloEvent(event) });
  }

  const webhook = zaloOaWebhook({
    appId: config.appId,
    oaSecretKey: config.oaSecretKey,
    translate: deps.translate,
    logger,
    onEvent,
  });

  /** Keeps the token fresh while no message needs it; stops with the app. */
  function startTokenUpkeep(): { stop(): void } {
    const check = () =>
      tokens
        .current(now())
        .catch((error: Error) => logger.error({ err: { message: error.message } }, "zalo oa token refresh failed"));
    void check();
    const timer = setInterval(check, TOKEN_CHECK_MS);
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }

  return { bot: chat.bot, sender: chat.sender, webhook: { path: config.webhookPath, app: webhook }, startTokenUpkeep };
}
