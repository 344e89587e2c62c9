import type { Prisma, PrismaClient } from "../db/index.js";
import { clearLoginFailures } from "./login.js";
import { hashPassword, passwordProblem } from "./password.js";
import type { StaffRole } from "./roles.js";

/**
 * Staff accounts. Every function returns either the result or a `admin-error-*` message key, so the
 * dashboard and the create-admin script only translate.
 */
export type StaffUserRow = Prisma.StaffUserModel;
export type StaffUserSummary = Pick<
  StaffUserRow,
  "id" | "username" | "displayName" | "role" | "active" | "lockedUntil" | "chatChannel" | "chatId" | "createdAt"
>;
export type StaffResult<T> = { ok: true; value: T } | { ok: false; problem: string };

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,31}$/;
const DISPLAY_NAME_MAX = 80;

export const normalizeUsername = (typed: string): string => typed.trim().toLowerCase();

export interface NewStaffUser {
  username: string;
  displayName: string;
  password: string;
  role: StaffRole;
}

const SUMMARY = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  active: true,
  lockedUntil: true,
  chatChannel: true,
  chatId: true,
  createdAt: true,
} as const;

/** Checks a new account without touching the database (the setup page validates before using its token). */
export function newUserProblem(user: NewStaffUser): string | undefined {
  if (!USERNAME.test(normalizeUsername(user.username))) return "admin-error-username-invalid";
  const name = user.displayName.trim();
  if (name.length === 0 || name.length > DISPLAY_NAME_MAX) return "admin-error-display-name-invalid";
  return passwordProblem(user.password);
}

export async function createStaffUser(
  prisma: PrismaClient | Prisma.TransactionClient,
  user: NewStaffUser,
): Promise<StaffResult<StaffUserSummary>> {
  const problem = newUserProblem(user);
  if (problem) return { ok: false, problem };
  const username = normalizeUsername(user.username);
  if (await prisma.staffUser.findUnique({ where: { username } }))
    return { ok: false, problem: "admin-error-username-taken" };
  try {
    const created = await prisma.staffUser.create({
      data: {
        username,
        displayName: user.displayName.trim(),
        role: user.role,
        passwordHash: await hashPassword(user.password),
      },
      select: SUMMARY,
    });
    return { ok: true, value: created };
  } catch (error) {
    // Two admins creating the same name at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") return { ok: false, problem: "admin-error-username-taken" };
    throw error;
  }
}

export function listStaffUsers(prisma: PrismaClient): Promise<StaffUserSummary[]> {
  return prisma.staffUser.findMany({ select: SUMMARY, orderBy: [{ active: "desc" }, { username: "asc" }] });
}

/** Refuses to leave the dashboard without an active admin (nobody could manage users any more). */
async function wouldRemoveLastAdmin(prisma: PrismaClient, id: number): Promise<boolean> {
  const admins = await prisma.staffUser.findMany({ where: { role: "admin", active: true }, select: { id: true } });
  return admins.length === 1 && admins[0]!.id === id;
}

export async function setStaffRole(prisma: PrismaClient, id: number, role: StaffRole): Promise<StaffResult<void>> {
  if (role !== "admin" && (await wouldRemoveLastAdmin(prisma, id)))
    return { ok: false, problem: "admin-error-last-admin" };
  const { count } = await prisma.staffUser.updateMany({ where: { id }, data: { role } });
  return count === 1 ? { ok: true, value: undefined } : { ok: false, problem: "admin-error-not-found" };
}

/** A deactivated user is logged out everywhere and can no longer log in; reactivation restores access. */
export async function setStaffActive(prisma: PrismaClient, id: number, active: boolean): Promise<StaffResult<void>> {
  if (!active && (await wouldRemoveLastAdmin(prisma, id))) return { ok: false, problem: "admin-error-last-admin" };
  const { count } = await prisma.staffUser.updateMany({ where: { id }, data: { active } });
  if (count !== 1) return { ok: false, problem: "admin-error-not-found" };
  if (!active) await prisma.staffSession.deleteMany({ where: { userId: id } });
  return { ok: true, value: undefined };
}

/** A new password also lifts a lockout and ends the user's sessions (whoever had them). */
export async function resetStaffPassword(
  prisma: PrismaClient,
  id: number,
  password: string,
): Promise<StaffResult<void>> {
  const problem = passwordProblem(password);
  if (problem) return { ok: false, problem };
  const { count } = await prisma.staffUser.updateMany({
    where: { id },
    data: { passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null },
  });
  if (count !== 1) return { ok: false, problem: "admin-error-not-found" };
  await prisma.staffSession.deleteMany({ where: { userId: id } });
  await clearLoginFailures(prisma, (await prisma.staffUser.findUniqueOrThrow({ where: { id } })).username);
  return { ok: true, value: undefined };
}
