import type { PrismaClient } from "../db/index.js";
import { hashPassword, verifyPassword } from "./password.js";
import type { StaffRole } from "./roles.js";
import { normalizeUsername } from "./users.js";

/**
 * Password check with three limits, each counted atomically in the database BEFORE any password hash
 * is computed, so parallel guesses cannot all slip under a limit while their hashes run:
 * - per (username, address): 5 attempts within 15 minutes, then that pair is refused until the window
 *   ends — a guesser locks out only themself;
 * - per address: 30 attempts within 15 minutes across all usernames (spraying one password over many
 *   names); a successful login gives its attempt back, so an office behind one address is not limited;
 * - per account: 50 failures in a row from any addresses lock the account for 15 minutes, except from
 *   an address this user logged in from within 90 days, where the right password still works.
 * The caller shows one generic message for every failure, so a guesser learns neither whether a
 * username exists nor whether it is locked.
 */
export const LOGIN_LIMITS = { pairAttempts: 5, addressAttempts: 30, accountFailures: 50 };
export type LoginLimits = typeof LOGIN_LIMITS;
export const LOCKOUT_MS = 15 * 60 * 1000;
export const KNOWN_ADDRESS_MS = 90 * 24 * 3600_000;

export type StaffIdentity = { id: number; username: string; displayName: string; role: StaffRole };
export type LoginResult =
  | { ok: true; user: StaffIdentity }
  | { ok: false; reason: "unknown" | "wrong_password" | "locked" | "address_limit"; userId?: number };
export type LoginAttempt = { username: string; password: string; address: string };

// Unknown names and locked accounts still pay for one scrypt, so response time does not reveal which
// names exist or are locked.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword("decoy password, never valid"));
const refuse = async <R>(password: string, result: R): Promise<R> => {
  await verifyPassword(password, await decoy());
  return result;
};

/** Counts one more attempt under `key` (a new window once the last began LOCKOUT_MS ago); returns the count. */
async function countAttempt(prisma: PrismaClient, key: string, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - LOCKOUT_MS);
  const [row] = await prisma.$queryRaw<[{ count: number }]>`
    INSERT INTO login_counter (key, count, since) VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN login_counter.since <= ${windowStart} THEN 1 ELSE login_counter.count + 1 END,
      since = CASE WHEN login_counter.since <= ${windowStart} THEN ${now} ELSE login_counter.since END
    RETURNING count`;
  return row.count;
}

const pairKey = (username: string, address: string) => `pair:${username}|${address}`;
const addressKey = (address: string) => `address:${address}`;
const knownKey = (userId: number, address: string) => `known:${userId}|${address}`;

export async function checkLogin(
  prisma: PrismaClient,
  attempt: LoginAttempt,
  now: Date,
  limits: LoginLimits = LOGIN_LIMITS,
): Promise<LoginResult> {
  const username = normalizeUsername(attempt.username);
  const { password, address } = attempt;
  const fromAddress = await countAttempt(prisma, addressKey(address), now);
  const forPair = await countAttempt(prisma, pairKey(username, address), now);
  // Over a limit no hash is computed at all: the guesser already knows they are limited, and a flood of
  // refused guesses cannot keep the CPU busy with scrypt.
  if (fromAddress > limits.addressAttempts) return { ok: false, reason: "address_limit" };

  const user = await prisma.staffUser.findUnique({ where: { username } });
  if (!user || !user.active) return refuse(password, { ok: false, reason: "unknown" });
  if (forPair > limits.pairAttempts) return { ok: false, reason: "locked", userId: user.id };

  // Reserved before the hash like the others; a success below resets it.
  const { failedLogins, lockedUntil } = await prisma.staffUser.update({
    where: { id: user.id },
    data: { failedLogins: { increment: 1 } },
  });
  const accountLocked = (lockedUntil !== null && lockedUntil > now) || failedLogins > limits.accountFailures;
  if (accountLocked) {
    if (failedLogins > limits.accountFailures && !(lockedUntil && lockedUntil > now)) {
      await prisma.staffUser.update({
        where: { id: user.id },
        data: { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS) },
      });
    }
    const known = await prisma.loginCounter.findUnique({ where: { key: knownKey(user.id, address) } });
    const fromKnownAddress = known !== null && known.since.getTime() > now.getTime() - KNOWN_ADDRESS_MS;
    if (!fromKnownAddress) return refuse(password, { ok: false, reason: "locked", userId: user.id });
  }

  if (!(await verifyPassword(password, user.passwordHash)))
    return { ok: false, reason: "wrong_password", userId: user.id };

  await prisma.$transaction([
    prisma.staffUser.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } }),
    prisma.loginCounter.deleteMany({ where: { key: pairKey(username, address) } }),
    prisma.loginCounter.updateMany({
      where: { key: addressKey(address), count: { gt: 0 } },
      data: { count: { decrement: 1 } },
    }),
    prisma.loginCounter.upsert({
      where: { key: knownKey(user.id, address) },
      create: { key: knownKey(user.id, address), count: 0, since: now },
      update: { since: now },
    }),
  ]);
  return { ok: true, user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role } };
}

/** An admin's password reset unlocks the account and forgets the wrong guesses made against it. */
export async function clearLoginFailures(prisma: PrismaClient, username: string): Promise<void> {
  await prisma.loginCounter.deleteMany({ where: { key: { startsWith: `pair:${normalizeUsername(username)}|` } } });
}
