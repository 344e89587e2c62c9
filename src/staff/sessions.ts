import type { PrismaClient } from "../db/index.js";
import type { StaffIdentity } from "./login.js";
import { hashSecret, newSecret } from "./secret-token.js";

/**
 * Dashboard sessions. The cookie carries a random token; the database keeps only its hash, the CSRF
 * token for forms, and two clocks: a session ends 12 hours after login, or after 2 hours unused.
 */
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
// Refreshing lastSeenAt on every click would write on every page view; a minute's slack is enough.
const TOUCH_AFTER_MS = 60 * 1000;

export type StaffSessionInfo = { user: StaffIdentity; csrfToken: string };

export async function startStaffSession(
  prisma: PrismaClient,
  userId: number,
  now: Date,
): Promise<{ token: string; csrfToken: string }> {
  const token = newSecret();
  const csrfToken = newSecret();
  await prisma.staffSession.create({
    data: {
      tokenHash: hashSecret(token),
      userId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_MS),
    },
  });
  return { token, csrfToken };
}

export async function findStaffSession(
  prisma: PrismaClient,
  token: string,
  now: Date,
): Promise<StaffSessionInfo | undefined> {
  const tokenHash = hashSecret(token);
  const session = await prisma.staffSession.findUnique({ where: { tokenHash }, include: { user: true } });
  if (!session) return undefined;
  const idle = now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS;
  if (session.expiresAt <= now || idle || !session.user.active) {
    await prisma.staffSession.deleteMany({ where: { tokenHash } });
    return undefined;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await prisma.staffSession.updateMany({ where: { tokenHash }, data: { lastSeenAt: now } });
  }
  const { id, username, displayName, role } = session.user;
  return { user: { id, username, displayName, role }, csrfToken: session.csrfToken };
}

export async function endStaffSession(prisma: PrismaClient, token: string): Promise<void> {
  await prisma.staffSession.deleteMany({ where: { tokenHash: hashSecret(token) } });
}
