import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { ZALO_OFFICIAL_API_ROOT } from "./channels/zalo/wire.js";

/**
 * Environment, validated once at start. Everything has an offline default so `npm start` works on a
 * fresh machine with no tokens, keys or servers; a wrong value stops the start with one line naming it.
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    TRUST_PROXY: booleanFlag.default(false),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: optionalString,
    KNOWLEDGE_DIR: z.string().min(1).default("./knowledge"),
    INDEX_DIR: optionalString,
    WEBCHAT_ENABLED: booleanFlag.default(true),
    TELEGRAM_BOT_TOKEN: optionalString.pipe(
      z
        .string()
        .regex(/^\d+:[\w-]{20,}$/, "must look like 123456:ABC... (from @BotFather)")
        .optional(),
    ),
    TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/ }).default("https://api.telegram.org"),
    BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
    WEBHOOK_URL: optionalString.pipe(z.url({ protocol: /^https$|^http$/ }).optional()),
    WEBHOOK_SECRET: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16-256 characters of A-Z a-z 0-9 _ -")
        .optional(),
    ),
    ZALO_OA_APP_ID: optionalString.pipe(
      z
        .string()
        .regex(/^\d{5,32}$/, "must be the app's numeric id (developers.zalo.me)")
        .optional(),
    ),
    ZALO_OA_APP_SECRET: optionalString,
    ZALO_OA_SECRET_KEY: optionalString,
    ZALO_OA_ACCESS_TOKEN: optionalString,
    ZALO_OA_REFRESH_TOKEN: optionalString,
    ZALO_OA_API_ROOT: z.url({ protocol: /^https?$/ }).default("https://openapi.zalo.me"),
    ZALO_OA_OAUTH_ROOT: z.url({ protocol: /^https?$/ }).default("https://oauth.zaloapp.com"),
    ZALO_OA_WEBHOOK_PATH: z
      .string()
      .regex(/^\/[\w/-]{1,100}$/, "must be a path like /zalo-oa/webhook")
      .default("/zalo-oa/webhook"),
    ZALO_OA_VERIFIED: booleanFlag.default(false),
    ZALO_OA_PROACTIVE_QUOTA: z.coerce.number().int().min(0).max(10_000_000).default(1000),
    ZALO_BOT_TOKEN: optionalString.pipe(
      z
        .string()
        .regex(/^[\w-]+:[\w-]+$/, "must look like <bot id>:<secret> (from Zalo Bot Platform)")
        .optional(),
    ),
    ZALO_API_ROOT: z.url({ protocol: /^https?$/ }).default(ZALO_OFFICIAL_API_ROOT),
    ZALO_BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
    ZALO_WEBHOOK_URL: optionalString.pipe(z.url({ protocol: /^https$|^http$/ }).optional()),
    ZALO_WEBHOOK_SECRET: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{8,256}$/, "must be 8-256 characters of A-Z a-z 0-9 _ -")
        .optional(),
    ),
    ZALO_POLL_TIMEOUT: z.coerce.number().int().min(1).max(60).default(30),
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
    OPENAI_MODEL: optionalString,
    EMBEDDINGS_MODEL: optionalString,
    STT_MODEL: optionalString,
    BROADCAST_LANES: z.coerce.number().int().min(1).max(200).default(32),
    BROADCAST_RATE_TELEGRAM: z.coerce.number().positive().max(1000).default(30),
    BROADCAST_RATE_ZALO: z.coerce.number().positive().max(1000).default(5),
    BROADCAST_RATE_WEBCHAT: z.coerce.number().positive().max(1000).default(50),
    ZALO_OA_BROADCASTS_PER_DAY: z.coerce.number().int().min(0).default(1),
    ZALO_OA_BROADCASTS_PER_MONTH: z.coerce.number().int().min(0).default(4),
  })
  .superRefine((env, ctx) => {
    if (env.ZALO_OA_APP_ID) {
      for (const name of ["ZALO_OA_APP_SECRET", "ZALO_OA_SECRET_KEY", "ZALO_OA_REFRESH_TOKEN"] as const) {
        if (!env[name])
          ctx.addIssue({ code: "custom", path: [name], message: "is required when ZALO_OA_APP_ID is set" });
      }
    }
    if (env.BOT_MODE === "webhook") {
      if (!env.TELEGRAM_BOT_TOKEN)
        ctx.addIssue({ code: "custom", path: ["TELEGRAM_BOT_TOKEN"], message: "is required when BOT_MODE=webhook" });
      if (!env.WEBHOOK_URL)
        ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "is required when BOT_MODE=webhook" });
      if (!env.WEBHOOK_SECRET)
        ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when BOT_MODE=webhook" });
    }
    if (env.ZALO_BOT_MODE === "webhook") {
      for (const name of ["ZALO_BOT_TOKEN", "ZALO_WEBHOOK_URL", "ZALO_WEBHOOK_SECRET"] as const) {
        if (!env[name])
          ctx.addIssue({ code: "custom", path: [name], message: "is required when ZALO_BOT_MODE=webhook" });
      }
    }
    if (env.STT_MODEL && !env.OPENAI_BASE_URL)
      ctx.addIssue({ code: "custom", path: ["OPENAI_BASE_URL"], message: "is required when STT_MODEL is set" });
  });

export interface Config {
  env: "development" | "production" | "test";
  logLevel: string;
  /** `trustProxy`: behind a reverse proxy, the client address is the last X-Forwarded-For entry. */
  http: { host: string; port: number; trustProxy: boolean };
  dataDir: string;
  databaseUrl: string;
  knowledgeDir: string;
  /** The knowledge index: `$DATA_DIR/index` unless INDEX_DIR names one shared by several instances. */
  indexDir: string;
  webchat: { enabled: boolean };
  telegram?: {
    token: string;
    apiRoot: string;
    mode: "polling" | "webhook";
    webhook?: { url: string; secret: string };
  };
  zaloOa?: {
    appId: string;
    /** The app's secret key: authenticates token refreshes. */
    appSecret: string;
    /** The OA secret key: signs webhook deliveries. */
    oaSecretKey: string;
    accessToken?: string;
    refreshToken: string;
    apiRoot: string;
    oauthRoot: string;
    webhookPath: string;
    verified: boolean;
    monthlyProactiveQuota: number;
  };
  zalo?: {
    token: string;
    apiRoot: string;
    mode: "polling" | "webhook";
    pollTimeoutSeconds: number;
    webhook?: { url: string; secret: string };
  };
  openai?: { apiKey?: string; baseURL?: string; model?: string; embeddingsModel?: string };
  /** Speech-to-text for voice messages, on an OpenAI-compatible /audio/transcriptions endpoint. */
  speech?: { baseURL: string; apiKey?: string; model: string };
  broadcast: {
    /** Concurrent sends per channel in one instance. */
    lanes: number;
    /** Messages per second per channel, shared by all instances; unknown channels get the Zalo rate. */
    rates: Record<string, number>;
    /** Zalo OA package caps per follower. */
    zaloOaQuota: { perDay: number; perMonth: number };
  };
}

export class ConfigError extends Error {}

/** Validates `env` (normally `process.env`) into a typed Config or throws a ConfigError with one clear line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    const got =
      env[name] === undefined
        ? ""
        : ` (got "${name.includes("TOKEN") || name.includes("SECRET") || name.includes("KEY") ? "***" : env[name]}")`;
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message}${got}. See .env.example.`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const openaiConfigured = e.OPENAI_API_KEY !== undefined || e.OPENAI_BASE_URL !== undefined;
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    http: { host: e.HOST, port: e.PORT, trustProxy: e.TRUST_PROXY },
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `pglite:${resolve(dataDir, "db")}`,
    knowledgeDir: resolve(e.KNOWLEDGE_DIR),
    indexDir: e.INDEX_DIR ? resolve(e.INDEX_DIR) : resolve(dataDir, "index"),
    webchat: { enabled: e.WEBCHAT_ENABLED },
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
          mode: e.BOT_MODE,
          webhook: e.BOT_MODE === "webhook" ? { url: e.WEBHOOK_URL!, secret: e.WEBHOOK_SECRET! } : undefined,
        }
      : undefined,
    zaloOa: e.ZALO_OA_APP_ID
      ? {
          appId: e.ZALO_OA_APP_ID,
          appSecret: e.ZALO_OA_APP_SECRET!,
          oaSecretKey: e.ZALO_OA_SECRET_KEY!,
          accessToken: e.ZALO_OA_ACCESS_TOKEN,
          refreshToken: e.ZALO_OA_REFRESH_TOKEN!,
          apiRoot: e.ZALO_OA_API_ROOT.replace(/\/+$/, ""),
          oauthRoot: e.ZALO_OA_OAUTH_ROOT.replace(/\/+$/, ""),
          webhookPath: e.ZALO_OA_WEBHOOK_PATH,
          verified: e.ZALO_OA_VERIFIED,
          monthlyProactiveQuota: e.ZALO_OA_PROACTIVE_QUOTA,
        }
      : undefined,
    zalo: e.ZALO_BOT_TOKEN
      ? {
          token: e.ZALO_BOT_TOKEN,
          apiRoot: e.ZALO_API_ROOT.replace(/\/+$/, ""),
          mode: e.ZALO_BOT_MODE,
          pollTimeoutSeconds: e.ZALO_POLL_TIMEOUT,
          webhook:
            e.ZALO_BOT_MODE === "webhook" ? { url: e.ZALO_WEBHOOK_URL!, secret: e.ZALO_WEBHOOK_SECRET! } : undefined,
        }
      : undefined,
    speech:
      e.STT_MODEL && e.OPENAI_BASE_URL
        ? { baseURL: e.OPENAI_BASE_URL, apiKey: e.OPENAI_API_KEY, model: e.STT_MODEL }
        : undefined,
    openai: openaiConfigured
      ? {
          apiKey: e.OPENAI_API_KEY,
          baseURL: e.OPENAI_BASE_URL,
          model: e.OPENAI_MODEL,
          embeddingsModel: e.EMBEDDINGS_MODEL,
        }
      : undefined,
    broadcast: {
      lanes: e.BROADCAST_LANES,
      rates: { telegram: e.BROADCAST_RATE_TELEGRAM, zalo: e.BROADCAST_RATE_ZALO, webchat: e.BROADCAST_RATE_WEBCHAT },
      zaloOaQuota: { perDay: e.ZALO_OA_BROADCASTS_PER_DAY, perMonth: e.ZALO_OA_BROADCASTS_PER_MONTH },
    },
  };
}

/** Loads `.env` (if present) into process.env without overriding what the shell already set. */
export async function loadDotEnv(path = ".env"): Promise<void> {
  if (!existsSync(path)) return;
  const { config } = await import("dotenv");
  config({ path, quiet: true });
}

/** For entry points: `.env`, then the validated config, or one clear line and exit code 1. */
export async function loadConfigOrExit(): Promise<Config> {
  await loadDotEnv();
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
