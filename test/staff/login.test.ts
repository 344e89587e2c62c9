import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkLogin, LOCKOUT_MS } from "../../src/staff/login.js";
import { createStaffUser } from "../../src/staff/users.js";
import { migratedDatabase } from "./migrated-database.js";

let db: Awaited<ReturnType<typeof migratedDatabase>>;
beforeAll(async () => {
  db = await migratedDatabase();
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.clear();
  await createStaffUser(db.prisma, { username: "CanBo.An", displayName: "Cán bộ An", password: "dung mat khau", role: "officer" });
});

const t0 = new Date("2026-11-27T08:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("checkLogin", () => {
  it("accepts the right password with any case of the username", async () => {
    const result = await checkLogin(db.prisma, " canbo.an ", "dung mat khau", t0);
    expect(result).toMatchObject({ ok: true, user: { username: "canbo.an", role: "officer", displayName: "Cán bộ An" } });
  });

  it("fails alike for unknown users and deactivated ones", async () => {
    expect(await checkLogin(db.prisma, "khong-co", "dung mat khau", t0)).toEqual({ ok: false, reason: "unknown" });
    await db.prisma.staffUser.updateMany({ data: { active: false } });
    expect(await checkLogin(db.prisma, "canbo.an", "dung mat khau", t0)).toEqual({ ok: false, reason: "unknown" });
  });

  it("locks the account for 15 minutes after 5 wrong passwords, even against the right one", async () => {
    for (let i = 1; i <= 4; i++) expect(await checkLogin(db.prisma, "canbo.an", `sai ${i}`, at(i))).toMatchObject({ reason: "wrong_password" });
    expect(await checkLogin(db.prisma, "canbo.an", "sai 5", at(5))).toMatchObject({ reason: "locked" });
    expect(await checkLogin(db.prisma, "canbo.an", "dung mat khau", at(60_000))).toMatchObject({ ok: false, reason: "locked" });
    expect(await checkLogin(db.prisma, "canbo.an", "dung mat khau", at(LOCKOUT_MS + 10))).toMatchObject({ ok: true });
  });

  it("counts parallel wrong guesses exactly", async () => {
    await Promise.all(Array.from({ length: 5 }, (_, i) => checkLogin(db.prisma, "canbo.an", `sai ${i}`, t0)));
    expect(await checkLogin(db.prisma, "canbo.an", "dung mat khau", at(1000))).toMatchObject({ ok: false, reason: "locked" });
  });

  it("a successful login resets the count of wrong passwords", async () => {
    for (let i = 0; i < 4; i++) await checkLogin(db.prisma, "canbo.an", "sai", t0);
    expect(await checkLogin(db.prisma, "canbo.an", "dung mat khau", t0)).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++) expect(await checkLogin(db.prisma, "canbo.an", "sai", t0)).toMatchObject({ reason: "wrong_password" });
  });
});
