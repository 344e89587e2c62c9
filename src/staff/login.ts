import type { PrismaClient } from "../db/index.js";
import { hashPassword, verifyPassword } from "./password.js";
import type { StaffRole } from "./roles.js";
import { normalizeUsername } from "./users.js";

/**
 * Password check with lockout: after 5 wrong passwords in a row an account is locked for 15 minutes,
 * even for the right password. The caller shows one generic message for every failure, so a guesser
 * learns neither whether a username exists nor whether it is locked.
 */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export type StaffIdentity = { id: number; username: string; displayName: string; role: StaffRole };
export type LoginResult =
  | { ok: true; user: StaffIdentity }
  | { ok: false; reason: "unknown" | "wrong_password" | "locked"; userId?: number };

// Unknown usernames still pay for one scrypt, so response time does not reveal which names exist.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword("decoy password, never valid"));

export async function checkLogin(prisma: PrismaClient, username: string, password: string, now: Date): Promise<LoginResult> {
  const user = await prisma.staffUser.findUnique({ where: { username: normalizeUsername(username) } });
  if (!user || !user.active) {
    await verifyPassword(password, await decoy());
    return { ok: false, reason: "unknown" };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    // A locked account answers as slowly as any other, or timing would reveal that it exists.
    await verifyPassword(password, await decoy());
    return { ok: false, reason: "locked", userId: user.id };
  }

  if (!(await verifyPassword(password, user.passwordHash))) {
    // Increment in the database: parallel guesses must not each read the same old count.
    const { failedLogins } = await prisma.staffUser.update({ where: { id: user.id }, data: { failedLogins: { increment: 1 } } });
    if (failedLogins >= MAX_FAILED_LOGINS) {
      await prisma.staffUser.update({
        where: { id: user.id },
        data: { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS) },
      });
      return { ok: false, reason: "locked", userId: user.id };
    }
    return { ok: false, reason: "wrong_password", userId: user.id };
  }
  if (user.failedLogins > 0 || user.lockedUntil) {
    await prisma.staffUser.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
  }
  return { ok: true, user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role } };
}
