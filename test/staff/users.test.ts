import { describe, expect, it } from "vitest";
import { checkLogin } from "../../src/staff/login.js";
import { startStaffSession } from "../../src/staff/sessions.js";
import {
  createStaffUser,
  listStaffUsers,
  resetStaffPassword,
  setStaffActive,
  setStaffRole,
} from "../../src/staff/users.js";
import { useMigratedDatabase } from "./migrated-database.js";

const db = useMigratedDatabase();

const user = (username: string, role: "staff" | "officer" | "admin" = "officer") => ({
  username,
  displayName: "Cán bộ",
  password: "mat khau du dai",
  role,
});
async function created(username: string, role: "staff" | "officer" | "admin" = "officer") {
  const result = await createStaffUser(db.prisma, user(username, role));
  if (!result.ok) throw new Error(result.problem);
  return result.value.id;
}

describe("staff users", () => {
  it("rejects bad usernames, short passwords and duplicates with message keys", async () => {
    expect(await createStaffUser(db.prisma, user("a"))).toEqual({ ok: false, problem: "admin-error-username-invalid" });
    expect(await createStaffUser(db.prisma, user("có dấu"))).toEqual({
      ok: false,
      problem: "admin-error-username-invalid",
    });
    expect(await createStaffUser(db.prisma, { ...user("an.nguyen"), password: "ngan" })).toEqual({
      ok: false,
      problem: "admin-error-password-too-short",
    });
    await created("an.nguyen");
    expect(await createStaffUser(db.prisma, user("AN.NGUYEN"))).toEqual({
      ok: false,
      problem: "admin-error-username-taken",
    });
    expect((await listStaffUsers(db.prisma)).map((u) => u.username)).toEqual(["an.nguyen"]);
  });

  it("never removes the last active admin", async () => {
    const admin = await created("quantri", "admin");
    expect(await setStaffRole(db.prisma, admin, "officer")).toEqual({ ok: false, problem: "admin-error-last-admin" });
    expect(await setStaffActive(db.prisma, admin, false)).toEqual({ ok: false, problem: "admin-error-last-admin" });
    await created("quantri2", "admin");
    expect(await setStaffRole(db.prisma, admin, "officer")).toEqual({ ok: true, value: undefined });
  });

  it("a password reset lifts the lockout and ends existing sessions", async () => {
    const id = await created("canbo.ba");
    await db.prisma.staffUser.update({ where: { id }, data: { lockedUntil: new Date("2100-01-01") } });
    await startStaffSession(db.prisma, id, new Date());
    expect(await resetStaffPassword(db.prisma, id, "mat khau moi tinh")).toEqual({ ok: true, value: undefined });
    expect(await db.prisma.staffSession.count()).toBe(0);
    expect(
      await checkLogin(
        db.prisma,
        { username: "canbo.ba", password: "mat khau moi tinh", address: "10.0.0.1" },
        new Date(),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await checkLogin(
        db.prisma,
        { username: "canbo.ba", password: "mat khau du dai", address: "10.0.0.1" },
        new Date(),
      ),
    ).toMatchObject({ ok: false });
  });
});
