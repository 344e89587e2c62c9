import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, openDatabase, type Database } from "../../../src/db/index.js";
import { prismaOaAccessTokens, REFRESH_MARGIN_MS, seedOaTokens } from "../../../src/channels/zalo-oa/access-tokens.js";
import { oaApi } from "../../../src/channels/zalo-oa/wire.js";
import { startFakeZaloOa, type FakeZaloOa } from "../../support/fake-zalo-oa-server.js";
import { startPostgres, type PostgresServer } from "../../support/postgres-server.js";

const credentials = {
  appId: "app-1",
  appSecret: "app-secret",
  oaSecretKey: "oa-secret",
  accessToken: "access-0",
  refreshToken: "refresh-0",
};

const apiFor = (fake: FakeZaloOa) =>
  oaApi({ apiRoot: fake.url, oauthRoot: fake.url, appId: credentials.appId, appSecret: credentials.appSecret });

describe("Zalo OA access tokens", () => {
  let db: Database;
  let fake: FakeZaloOa;
  const now = new Date();

  beforeAll(async () => {
    db = await openDatabase("pglite:memory");
    await applyMigrations(db);
    fake = await startFakeZaloOa(credentials);
  });
  afterAll(async () => {
    await fake.close();
    await db.close();
  });

  it("uses the configured token, refreshes before it expires, and replaces a refused one", async () => {
    await seedOaTokens(db.prisma, credentials.appId, { accessToken: "access-0", refreshToken: "refresh-0" }, now);
    const tokens = prismaOaAccessTokens(db.prisma, credentials.appId, apiFor(fake));
    expect(await tokens.current(now)).toBe("access-0");
    expect(fake.refreshes()).toBe(0);

    // An hour later the configured token (of unknown age) is refreshed; the new pair is stored.
    const later = new Date(now.getTime() + 61 * 60_000);
    expect(await tokens.current(later)).toBe("access-1");
    const stored = await db.prisma.zaloOaToken.findUniqueOrThrow({ where: { appId: credentials.appId } });
    expect(stored).toMatchObject({ accessToken: "access-1", refreshToken: "refresh-1" });
    expect(stored.expiresAt.getTime()).toBe(later.getTime() + 90_000_000);

    // Fresh until the margin before expiry, then refreshed again with the rotated refresh token.
    expect(await tokens.current(new Date(stored.expiresAt.getTime() - REFRESH_MARGIN_MS - 1000))).toBe("access-1");
    expect(await tokens.current(new Date(stored.expiresAt.getTime() - REFRESH_MARGIN_MS + 1000))).toBe("access-2");

    fake.revokeAccessToken();
    expect(await tokens.replace("access-2", later)).toBe("access-3");
    expect(fake.refreshes()).toBe(3);

    // A restart with the same configuration keeps the rotated pair (the configured one is spent).
    await seedOaTokens(db.prisma, credentials.appId, { accessToken: "access-0", refreshToken: "refresh-0" }, later);
    expect(await tokens.current(later)).toBe("access-3");
  });
});

// Two app instances = two connection pools on one PostgreSQL server, as in production.
describe.skipIf(process.env.SKIP_POSTGRES_TESTS === "1")("Zalo OA access tokens on a PostgreSQL server", () => {
  let server: PostgresServer;
  let fake: FakeZaloOa;
  beforeAll(async () => {
    server = await startPostgres();
    fake = await startFakeZaloOa(credentials);
  });
  afterAll(async () => {
    await fake?.close();
    await server?.stop();
  });

  it("two instances refreshing at once spend the refresh token once and share the new token", async () => {
    const instances = [await openDatabase(server.url), await openDatabase(server.url)];
    try {
      await applyMigrations(instances[0]!);
      const now = new Date();
      // Only a refresh token configured: the first use must refresh.
      await seedOaTokens(instances[0]!.prisma, credentials.appId, { refreshToken: "refresh-0" }, now);
      const [a, b] = instances.map((db) => prismaOaAccessTokens(db.prisma, credentials.appId, apiFor(fake)));
      // The OA's answer is held until both refreshers are under way, so they truly overlap.
      const release = fake.holdRefreshes();
      const both = Promise.all([a!.current(now), b!.current(now)]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      release();
      expect(await both).toEqual(["access-1", "access-1"]);
      expect(fake.refreshes()).toBe(1);
      expect(fake.currentAccessToken()).toBe("access-1");
    } finally {
      await Promise.all(instances.map((db) => db.close()));
    }
  });
});
