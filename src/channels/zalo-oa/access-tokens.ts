import { createHash } from "node:crypto";
import type { PrismaClient } from "../../db/index.js";
import type { OaApi } from "./wire.js";

/**
 * The OA's access token, refreshed before it expires. The refresh token is single-use, so the pair
 * lives in the database and is rotated inside a transaction holding the row lock (SELECT ... FOR
 * UPDATE): a second instance (or a second caller here) waits, then finds the new pair and does not
 * spend the old refresh token again.
 */
export interface OaAccessTokens {
  /** A token valid for a while yet; refreshes first when it is about to expire. */
  current(now: Date): Promise<string>;
  /** After the OA refused `rejected`: the token that replaced it (refreshing it unless someone did). */
  replace(rejected: string, now: Date): Promise<string>;
}

/** Refresh this long before expiry, so no send meets an expired token. */
export const REFRESH_MARGIN_MS = 30 * 60_000;
/** An access token pasted into the configuration has an unknown age: trust it this long, then refresh. */
const CONFIGURED_TOKEN_TRUST_MS = 60 * 60_000;

interface TokenRow {
  access_token: string;
  refresh_token: string;
  expires_at: Date;
}

const fingerprint = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Stores the configured pair unless the database already holds the pair that grew out of it (the
 * configured refresh token was spent long ago). A different refresh token in the configuration means
 * the operator connected the OA again: it replaces the stored pair.
 */
export async function seedOaTokens(
  prisma: PrismaClient,
  appId: string,
  configured: { accessToken?: string; refreshToken: string },
  now: Date,
): Promise<void> {
  const hash = fingerprint(configured.refreshToken);
  const existing = await prisma.zaloOaToken.findUnique({ where: { appId } });
  if (existing?.configured === hash) return;
  const pair = {
    accessToken: configured.accessToken ?? "",
    refreshToken: configured.refreshToken,
    expiresAt: configured.accessToken ? new Date(now.getTime() + CONFIGURED_TOKEN_TRUST_MS) : now,
    configured: hash,
  };
  await prisma.zaloOaToken.upsert({ where: { appId }, create: { appId, ...pair }, update: pair });
}

export function prismaOaAccessTokens(prisma: PrismaClient, appId: string, api: OaApi): OaAccessTokens {
  const fresh = (row: { expires_at: Date }, now: Date) => row.expires_at.getTime() - REFRESH_MARGIN_MS > now.getTime();

  async function refreshUnlessDone(now: Date, rejected?: string): Promise<string> {
    return prisma.$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<TokenRow[]>`
          SELECT access_token, refresh_token, expires_at FROM zalo_oa_token WHERE app_id = ${appId} FOR UPDATE`;
        if (!row) throw new Error("Zalo OA tokens are not stored (seedOaTokens runs at start)");
        // Someone refreshed while we waited for the lock: use theirs, the old refresh token is spent.
        if (row.access_token !== rejected && row.access_token !== "" && fresh(row, now)) return row.access_token;
        const pair = await api.refreshTokens(row.refresh_token);
        const expiresAt = new Date(now.getTime() + pair.expiresInSeconds * 1000);
        await tx.$executeRaw`
          UPDATE zalo_oa_token SET access_token = ${pair.accessToken}, refresh_token = ${pair.refreshToken}, expires_at = ${expiresAt}, updated_at = ${now}
           WHERE app_id = ${appId}`;
        return pair.accessToken;
      },
      // The OA's answer arrives inside the transaction; allow for a slow network.
      { timeout: 30_000, maxWait: 30_000 },
    );
  }

  return {
    async current(now) {
      const row = await prisma.zaloOaToken.findUnique({ where: { appId } });
      if (row && row.accessToken !== "" && fresh({ expires_at: row.expiresAt }, now)) return row.accessToken;
      return refreshUnlessDone(now);
    },
    replace: (rejected, now) => refreshUnlessDone(now, rejected),
  };
}
