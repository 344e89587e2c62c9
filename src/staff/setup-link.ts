import { createHmac } from "node:crypto";
import type { PrismaClient } from "../db/index.js";
import { consumeOneTimeToken, issueOneTimeToken } from "./one-time-token.js";
import { hashSecret } from "./secret-token.js";
import type { ChatLock } from "../bot/chat-lock.js";
import {
  createStaffUser,
  newUserProblem,
  type NewStaffUser,
  type StaffResult,
  type StaffUserSummary,
} from "./users.js";

/**
 * The first admin without a terminal: while no active admin exists, a start prints a one-time link
 * (valid 24 hours) to a page that creates one. Every instance, and every restart within those 24
 * hours, prints the same link: its secret is derived from a key shared in the database and the
 * token's creation time, so only its hash is stored and two instances starting together do not
 * issue two links (the second would void the first).
 */
export const SETUP_TTL_MS = 24 * 60 * 60 * 1000;
export const SETUP_PATH = "/admin/setup";

const hasActiveAdmin = async (prisma: PrismaClient) =>
  (await prisma.staffUser.count({ where: { role: "admin", active: true } })) > 0;

const derivedSecret = (key: Buffer, createdAt: Date) =>
  createHmac("sha256", key).update(`setup:${createdAt.toISOString()}`).digest("base64url");

export async function ensureSetupLink(
  prisma: PrismaClient,
  baseUrl: string,
  log: (line: string) => void,
  options: { key: Buffer; lock: ChatLock; now?: Date },
): Promise<string | undefined> {
  const now = options.now ?? new Date();
  return options.lock.run("setup-link", async () => {
    if (await hasActiveAdmin(prisma)) return undefined;
    const current = await prisma.staffToken.findFirst({
      where: { kind: "setup", usedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
    });
    let secret = current ? derivedSecret(options.key, current.createdAt) : undefined;
    if (!current || hashSecret(secret!) !== current.tokenHash) {
      secret = derivedSecret(options.key, now);
      await prisma.staffToken.deleteMany({ where: { kind: "setup", usedAt: null } });
      await issueOneTimeToken(prisma, {
        kind: "setup",
        secret,
        expiresAt: new Date(now.getTime() + SETUP_TTL_MS),
        now,
      });
    }
    const link = `${baseUrl.replace(/\/+$/, "")}${SETUP_PATH}?token=${secret}`;
    log(`No dashboard admin yet. Create the first one within 24 hours at: ${link}`);
    return link;
  });
}

/** Uses the setup token and creates the admin in one transaction; a mistyped form keeps the token usable. */
export async function completeSetup(
  prisma: PrismaClient,
  secret: string,
  user: Omit<NewStaffUser, "role">,
  now: Date,
): Promise<StaffResult<StaffUserSummary>> {
  const problem = newUserProblem({ ...user, role: "admin" });
  if (problem) return { ok: false, problem };
  try {
    return await prisma.$transaction(async (tx) => {
      const token = await consumeOneTimeToken(tx, "setup", secret, now);
      if (!token || (await tx.staffUser.count({ where: { role: "admin", active: true } })) > 0) {
        return { ok: false, problem: "admin-error-setup-link-invalid" };
      }
      const created = await createStaffUser(tx, { ...user, role: "admin" });
      // Roll the token back too when the name is taken, so the form can be sent again.
      if (!created.ok) throw new SetupRejected(created.problem);
      return created;
    });
  } catch (error) {
    if (error instanceof SetupRejected) return { ok: false, problem: error.problem };
    throw error;
  }
}

class SetupRejected extends Error {
  constructor(readonly problem: string) {
    super(problem);
  }
}
