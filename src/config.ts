import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";

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
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: optionalString,
    KNOWLEDGE_DIR: z.string().min(1).default("./knowledge"),
    WEBCHAT_ENABLED: booleanFlag.default(true),
    TELEGRAM_BOT_TOKEN: optionalString.pipe(
      z.string().regex(/^\d+:[\w-]{20,}$/, "must look like 123456:ABC... (from @BotFather)").optional(),
    ),
    TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/ }).default("https://api.telegram.org"),
    BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
    WEBHOOK_URL: optionalString.pipe(z.url({ protocol: /^https$|^http$/ }).optional()),
    WEBHOOK_SECRET: optionalString.pipe(
      z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16-256 characters of A-Z a-z 0-9 _ -").optional(),
    ),
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
    OPENAI_MODEL: optionalString,
    EMBEDDINGS_MODEL: optionalString,
  })
  .superRefine((env, ctx) => {
    if (env.BOT_MODE === "webhook") {
      if (!env.TELEGRAM_BOT_TOKEN) ctx.addIssue({ code: "custom", path: ["TELEGRAM_BOT_TOKEN"], message: "is required when BOT_MODE=webhook" });
      if (!env.WEBHOOK_URL) ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "is required when BOT_MODE=webhook" });
      if (!env.WEBHOOK_SECRET) ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when BOT_MODE=webhook" });
    }
  });

export interface Config {
  env: "development" | "production" | "test";
  logLevel: string;
  http: { host: string; port: number };
  dataDir: string;
  databaseUrl: string;
  knowledgeDir: string;
  webchat: { enabled: boolean };
  telegram?: {
    token: string;
    apiRoot: string;
    mode: "polling" | "webhook";
    webhook?: { url: string; secret: string };
  };
  openai?: { apiKey?: string; baseURL?: string; model?: string; embeddingsModel?: string };
}

export class ConfigError extends Error {}

/** Validates `env` (normally `process.env`) into a typed Config or throws a ConfigError with one clear line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    const got = env[name] === undefined ? "" : ` (got "${name.includes("TOKEN") || name.includes("SECRET") || name.includes("KEY") ? "***" : env[name]}")`;
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message}${got}. See .env.example.`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const openaiConfigured = e.OPENAI_API_KEY !== undefined || e.OPENAI_BASE_URL !== undefined;
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    http: { host: e.HOST, port: e.PORT },
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `pglite:${resolve(dataDir, "db")}`,
    knowledgeDir: resolve(e.KNOWLEDGE_DIR),
    webchat: { enabled: e.WEBCHAT_ENABLED },
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
          mode: e.BOT_MODE,
          webhook: e.BOT_MODE === "webhook" ? { url: e.WEBHOOK_URL!, secret: e.WEBHOOK_SECRET! } : undefined,
        }
      : undefined,
    openai: openaiConfigured
      ? { apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL, embeddingsModel: e.EMBEDDINGS_MODEL }
      : undefined,
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
