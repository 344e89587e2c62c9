import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parse } from "dotenv";
import { ConfigError, loadConfig } from "../src/config.js";

describe("loadConfig", () => {
  it("starts offline with no variables at all", () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ host: "127.0.0.1", port: 3000, trustProxy: false });
    expect(config.databaseUrl).toMatch(/^pglite:.*data\/db$/);
    expect(config.indexDir).toMatch(/data\/index$/);
    expect(loadConfig({ INDEX_DIR: "/srv/htx/index" }).indexDir).toBe("/srv/htx/index");
    expect(config.webchat.enabled).toBe(true);
    expect(config.telegram).toBeUndefined();
    expect(config.openai).toBeUndefined();
  });

  it("accepts .env.example copied as it is, and it documents every variable", () => {
    const example = parse(readFileSync(".env.example"));
    expect(loadConfig(example)).toEqual(loadConfig({}));
    const source = readFileSync("src/config.ts", "utf8");
    const used = [...source.matchAll(/^\s{4}([A-Z][A-Z_]+): /gm)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((name) => !(name in example))).toEqual([]);
  });

  it("treats empty values (as copied from .env.example) as unset", () => {
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: "", WEBHOOK_URL: "", OPENAI_API_KEY: "", DATABASE_URL: "" });
    expect(config.telegram).toBeUndefined();
    expect(config.openai).toBeUndefined();
  });

  it("enables Telegram polling with a token and a custom API root", () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: "123456:ABCdefGHIjklMNOpqrSTUvwx",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
    });
    expect(config.telegram).toEqual({
      token: "123456:ABCdefGHIjklMNOpqrSTUvwx",
      apiRoot: "http://127.0.0.1:8081",
      mode: "polling",
      webhook: undefined,
    });
  });

  it("enables the OpenAI-compatible path with only a base URL (e.g. Ollama)", () => {
    expect(loadConfig({ OPENAI_BASE_URL: "http://localhost:11434/v1", OPENAI_MODEL: "qwen2.5" }).openai).toEqual({
      apiKey: undefined,
      baseURL: "http://localhost:11434/v1",
      model: "qwen2.5",
      embeddingsModel: undefined,
    });
  });

  it("enables the Zalo OA with its app, keys and refresh token; tokens never echoed in errors", () => {
    const env = {
      ZALO_OA_APP_ID: "1234567890",
      ZALO_OA_APP_SECRET: "app-secret",
      ZALO_OA_SECRET_KEY: "oa-secret",
      ZALO_OA_REFRESH_TOKEN: "r-1",
      ZALO_OA_API_ROOT: "http://127.0.0.1:9/",
    };
    expect(loadConfig(env).zaloOa).toEqual({
      appId: "1234567890",
      appSecret: "app-secret",
      oaSecretKey: "oa-secret",
      accessToken: undefined,
      refreshToken: "r-1",
      apiRoot: "http://127.0.0.1:9",
      oauthRoot: "https://oauth.zaloapp.com",
      webhookPath: "/zalo-oa/webhook",
      verified: false,
      monthlyProactiveQuota: 1000,
    });
    expect(loadConfig({}).zaloOa).toBeUndefined();
  });

  it.each([
    [
      { ZALO_OA_APP_ID: "1234567890", ZALO_OA_APP_SECRET: "s", ZALO_OA_SECRET_KEY: "k" },
      /^Invalid configuration: ZALO_OA_REFRESH_TOKEN is required when ZALO_OA_APP_ID is set/,
    ],
    [{ ZALO_OA_APP_ID: "oa-app" }, /^Invalid configuration: ZALO_OA_APP_ID must be the app's numeric id/],
    [{ ZALO_OA_WEBHOOK_PATH: "zalo" }, /^Invalid configuration: ZALO_OA_WEBHOOK_PATH must be a path/],
    [{ ZALO_OA_VERIFIED: "maybe" }, /^Invalid configuration: ZALO_OA_VERIFIED /],
    [{ PORT: "abc" }, /^Invalid configuration: PORT .*\(got "abc"\)/],
    [{ PORT: "70000" }, /^Invalid configuration: PORT /],
    [{ BOT_MODE: "push" }, /^Invalid configuration: BOT_MODE /],
    [
      { TELEGRAM_BOT_TOKEN: "not-a-token" },
      /^Invalid configuration: TELEGRAM_BOT_TOKEN must look like .*\(got "\*\*\*"\)/,
    ],
    [
      { BOT_MODE: "webhook", TELEGRAM_BOT_TOKEN: "123456:ABCdefGHIjklMNOpqrSTUvwx", WEBHOOK_URL: "https://x.org/h" },
      /^Invalid configuration: WEBHOOK_SECRET is required when BOT_MODE=webhook/,
    ],
    [{ WEBCHAT_ENABLED: "maybe" }, /^Invalid configuration: WEBCHAT_ENABLED /],
  ])("stops with one line naming the variable for %j", (env, message) => {
    const error = (() => {
      try {
        loadConfig(env);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).toMatch(message);
    expect(error!.message).not.toContain("\n");
  });
});
