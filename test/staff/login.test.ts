import { beforeEach, describe, expect, it } from "vitest";
import { checkLogin, LOCKOUT_MS, LOGIN_LIMITS, type LoginLimits } from "../../src/staff/login.js";
import { resetStaffPassword } from "../../src/staff/users.js";
import { useMigratedDatabase } from "./migrated-database.js";
import { staffAccount } from "../support/staff-accounts.js";

const db = useMigratedDatabase();
let userId: number;
beforeEach(async () => {
  userId = (
    await staffAccount(db.prisma, { username: "CanBo.An", displayName: "Cán bộ An", password: "dung mat khau" })
  ).id;
});

const t0 = new Date("2026-11-27T08:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const RIGHT = "dung mat khau";
const PAIR_MAX_ATTEMPTS = LOGIN_LIMITS.pairAttempts;
// Smaller address and account limits than the real ones: the same code paths with fewer scrypt runs.
const limits: LoginLimits = { ...LOGIN_LIMITS, addressAttempts: 12, accountFailures: 9 };
const login = (password: string, when = t0, address = "10.0.0.1", username = "canbo.an") =>
  checkLogin(db.prisma, { username, password, address }, when, limits);
const counter = async (key: string) => (await db.prisma.loginCounter.findUnique({ where: { key } }))?.count;

describe("checkLogin", () => {
  it("accepts the right password with any case of the username", async () => {
    const result = await login(RIGHT, t0, "10.0.0.1", " canbo.an ");
    expect(result).toMatchObject({
      ok: true,
      user: { username: "canbo.an", role: "officer", displayName: "Cán bộ An" },
    });
  });

  it("fails alike for unknown users and deactivated ones", async () => {
    expect(await login(RIGHT, t0, "10.0.0.1", "khong-co")).toEqual({ ok: false, reason: "unknown" });
    await db.prisma.staffUser.updateMany({ data: { active: false } });
    expect(await login(RIGHT)).toEqual({ ok: false, reason: "unknown" });
  });

  it("locks a username for one address after 5 attempts, for 15 minutes, while the officer's own address still works", async () => {
    for (let i = 1; i <= PAIR_MAX_ATTEMPTS; i++)
      expect(await login(`sai ${i}`, at(i))).toMatchObject({ reason: "wrong_password" });
    expect(await login(RIGHT, at(60_000))).toMatchObject({ ok: false, reason: "locked" });
    expect(await login(RIGHT, at(60_000), "10.9.9.9")).toMatchObject({ ok: true });
    expect(await login(RIGHT, at(LOCKOUT_MS + 10))).toMatchObject({ ok: true });
  });

  it("a successful login resets the count of wrong passwords", async () => {
    for (let i = 0; i < PAIR_MAX_ATTEMPTS - 1; i++) await login("sai");
    expect(await login(RIGHT)).toMatchObject({ ok: true });
    for (let i = 0; i < PAIR_MAX_ATTEMPTS; i++) expect(await login("sai")).toMatchObject({ reason: "wrong_password" });
  });

  it("31 logins at once, 30 wrong and then the right one: the right one does not get in", async () => {
    const attempts = [...Array.from({ length: 30 }, (_, i) => `sai ${i}`), RIGHT];
    const results = await Promise.all(attempts.map((password) => login(password)));
    expect(results.at(-1)).toMatchObject({ ok: false });
    // At most 5 of the 31 ever reached the password check.
    expect(results.filter((r) => !r.ok && r.reason === "wrong_password").length).toBeLessThanOrEqual(PAIR_MAX_ATTEMPTS);
    expect(await login(RIGHT, at(1000))).toMatchObject({ ok: false });
  });

  it("100 wrong guesses at once are all counted", async () => {
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        checkLogin(db.prisma, { username: "canbo.an", password: `sai ${i}`, address: "10.0.0.66" }, t0),
      ),
    );
    expect(await counter("pair:canbo.an|10.0.0.66")).toBe(100);
    expect(await counter("address:10.0.0.66")).toBe(100);
  });

  it("limits one address spraying passwords over many usernames", async () => {
    for (let i = 0; i < limits.addressAttempts; i++) await login("mat khau pho bien", t0, "10.6.6.6", `ten-${i}`);
    expect(await login(RIGHT, at(1), "10.6.6.6")).toEqual({ ok: false, reason: "address_limit" });
    expect(await login(RIGHT, at(1), "10.0.0.1")).toMatchObject({ ok: true });
    expect(await login(RIGHT, at(LOCKOUT_MS + 10), "10.6.6.6")).toMatchObject({ ok: true });
  });

  it("many addresses guessing lock the account, but not for an address the officer used before", async () => {
    expect(await login(RIGHT, t0, "10.0.0.1")).toMatchObject({ ok: true });
    for (let i = 0; i <= limits.accountFailures; i++) await login("sai", at(i), `172.16.${Math.floor(i / 4)}.${i % 4}`);
    expect(await login(RIGHT, at(2000), "192.168.5.5")).toMatchObject({ ok: false, reason: "locked" });
    expect(await login(RIGHT, at(2000), "10.0.0.1")).toMatchObject({ ok: true });
  });

  it("an admin's password reset unlocks the account", async () => {
    for (let i = 0; i <= PAIR_MAX_ATTEMPTS; i++) await login("sai");
    expect(await login(RIGHT, at(1))).toMatchObject({ reason: "locked" });
    expect(await resetStaffPassword(db.prisma, userId, "mat khau moi that dai")).toMatchObject({ ok: true });
    expect(await login("mat khau moi that dai", at(2))).toMatchObject({ ok: true });
  });
});
