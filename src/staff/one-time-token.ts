import type { Prisma, PrismaClient } from "../db/index.js";
import { hashSecret } from "./secret-token.js";

type Db = PrismaClient | Prisma.TransactionClient;
export type OneTimeTokenKind = "setup" | "chat_link";

export async function issueOneTimeToken(
  prisma: Db,
  token: { kind: OneTimeTokenKind; secret: string; userId?: number; expiresAt: Date; now: Date },
): Promise<void> {
  await prisma.staffToken.create({
    data: {
      kind: token.kind,
      tokenHash: hashSecret(token.secret),
      userId: token.userId,
      expiresAt: token.expiresAt,
      createdAt: token.now,
    },
  });
}

/**
 * Marks a token used and returns it, or undefined when it is unknown, expired or already used. The
 * conditional update is the check, so two simultaneous redemptions cannot both succeed.
 */
export async function consumeOneTimeToken(
  prisma: Db,
  kind: OneTimeTokenKind,
  secret: string,
  now: Date,
): Promise<{ userId: number | null } | undefined> {
  const tokenHash = hashSecret(secret);
  const { count } = await prisma.staffToken.updateMany({
    where: { tokenHash, kind, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) return undefined;
  const token = await prisma.staffToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
  return token;
}

/** True while the token can still be used (the setup page checks before showing its form). */
export async function isOneTimeTokenValid(
  prisma: Db,
  kind: OneTimeTokenKind,
  secret: string,
  now: Date,
): Promise<boolean> {
  const token = await prisma.staffToken.findFirst({
    where: { tokenHash: hashSecret(secret), kind, usedAt: null, expiresAt: { gt: now } },
  });
  return token !== null;
}
