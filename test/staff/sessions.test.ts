import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  endStaffSession,
  findStaffSession,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
  startStaffSession,
} from "../../src/staff/sessions.js";
import { hashSecret } from "../../src/staff/secret-token.js";
import { setStaffActive } from "../../src/staff/users.js";
import { migratedDatabase } from "./migrated-database.js";
import { staffAccount } from "../support/staff-accounts.js";

let db: Awaited<ReturnType<typeof migratedDatabase>>;
let userId: number;
beforeAll(async () => {
  db = await migratedDatabase();
  userId = (await staffAccount(db.prisma, { username: "nv.binh", displayName: "Bình", role: "staff" })).id;
});
afterAll(() => db.close());

const t0 = new Date("2026-11-27T08:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const MINUTE = 60_000;

describe("staff sessions", () => {
  it("stores only the token's hash and finds the session by the token", async () => {
    const { token, csrfToken } = await startStaffSession(db.prisma, userId, t0);
    expect(await db.prisma.staffSession.findUnique({ where: { tokenHash: token } })).toBeNull();
    expect(await db.prisma.staffSession.findUnique({ where: { tokenHash: hashSecret(token) } })).not.toBeNull();
    expect(await findStaffSession(db.prisma, token, at(MINUTE))).toEqual({
      user: { id: userId, username: "nv.binh", displayName: "Bình", role: "staff" },
      csrfToken,
    });
    expect(await findStaffSession(db.prisma, "forged", at(MINUTE))).toBeUndefined();
  });

  it("ends after 2 idle hours, and is kept alive by use", async () => {
    const { token } = await startStaffSession(db.prisma, userId, t0);
    expect(await findStaffSession(db.prisma, token, at(SESSION_IDLE_MS - MINUTE))).toBeDefined();
    expect(await findStaffSession(db.prisma, token, at(2 * SESSION_IDLE_MS - 2 * MINUTE))).toBeDefined();
    const idle = await startStaffSession(db.prisma, userId, t0);
    expect(await findStaffSession(db.prisma, idle.token, at(SESSION_IDLE_MS + MINUTE))).toBeUndefined();
  });

  it("ends 12 hours after login however busy", async () => {
    const { token } = await startStaffSession(db.prisma, userId, t0);
    for (let ms = MINUTE * 90; ms < SESSION_MAX_MS; ms += MINUTE * 90)
      expect(await findStaffSession(db.prisma, token, at(ms))).toBeDefined();
    expect(await findStaffSession(db.prisma, token, at(SESSION_MAX_MS))).toBeUndefined();
    expect(await db.prisma.staffSession.count({ where: { tokenHash: hashSecret(token) } })).toBe(0);
  });

  it("ends on logout and when the user is deactivated", async () => {
    const a = await startStaffSession(db.prisma, userId, t0);
    await endStaffSession(db.prisma, a.token);
    expect(await findStaffSession(db.prisma, a.token, t0)).toBeUndefined();
    const b = await startStaffSession(db.prisma, userId, t0);
    await setStaffActive(db.prisma, userId, false);
    expect(await findStaffSession(db.prisma, b.token, t0)).toBeUndefined();
  });
});
