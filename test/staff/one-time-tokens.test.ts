import { describe, expect, it } from "vitest";
import { CHAT_LINK_TTL_MS, createChatLinkCode, redeemChatLinkCode } from "../../src/staff/chat-link.js";
import { completeSetup, ensureSetupLink } from "../../src/staff/setup-link.js";
import { processChatLock } from "../../src/bot/chat-lock.js";
import { useMigratedDatabase } from "./migrated-database.js";
import { staffAccount } from "../support/staff-accounts.js";

const db = useMigratedDatabase();

const t0 = new Date("2026-11-27T08:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const officer = async (username: string) => (await staffAccount(db.prisma, { username })).id;

describe("chat-link codes", () => {
  it("links the chat once, accepting the code typed in lower case with spaces", async () => {
    const id = await officer("canbo.an");
    const { code, expiresAt } = await createChatLinkCode(db.prisma, id, t0);
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    expect(expiresAt).toEqual(at(CHAT_LINK_TTL_MS));
    const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
    expect(await redeemChatLinkCode(db.prisma, typed, "telegram", "777", at(1000))).toEqual({
      ok: true,
      user: { id, displayName: "Cán bộ canbo.an", role: "officer" },
    });
    expect(await db.prisma.staffUser.findUnique({ where: { id } })).toMatchObject({
      chatChannel: "telegram",
      chatId: "777",
    });
    expect(await redeemChatLinkCode(db.prisma, code, "telegram", "888", at(2000))).toEqual({ ok: false });
  });

  it("refuses expired codes, replaced codes and codes of deactivated officers", async () => {
    const id = await officer("canbo.an");
    const expired = await createChatLinkCode(db.prisma, id, t0);
    expect(await redeemChatLinkCode(db.prisma, expired.code, "telegram", "1", at(CHAT_LINK_TTL_MS))).toEqual({
      ok: false,
    });
    const old = await createChatLinkCode(db.prisma, id, t0);
    const newer = await createChatLinkCode(db.prisma, id, t0);
    expect(await redeemChatLinkCode(db.prisma, old.code, "telegram", "1", t0)).toEqual({ ok: false });
    await db.prisma.staffUser.update({ where: { id }, data: { active: false } });
    expect(await redeemChatLinkCode(db.prisma, newer.code, "telegram", "1", t0)).toEqual({ ok: false });
    expect(await redeemChatLinkCode(db.prisma, "short", "telegram", "1", t0)).toEqual({ ok: false });
  });

  it("moves a chat from one officer to the one who redeems a code for it", async () => {
    const [a, b] = [await officer("canbo.an"), await officer("canbo.binh")];
    await redeemChatLinkCode(db.prisma, (await createChatLinkCode(db.prisma, a, t0)).code, "webchat", "s1", t0);
    expect(
      await redeemChatLinkCode(db.prisma, (await createChatLinkCode(db.prisma, b, t0)).code, "webchat", "s1", t0),
    ).toMatchObject({ ok: true });
    const linked = await db.prisma.staffUser.findMany({ where: { chatId: "s1" }, select: { username: true } });
    expect(linked).toEqual([{ username: "canbo.binh" }]);
  });

  it("lets only one of two simultaneous redemptions win", async () => {
    const { code } = await createChatLinkCode(db.prisma, await officer("canbo.an"), t0);
    const results = await Promise.all([
      redeemChatLinkCode(db.prisma, code, "telegram", "1", t0),
      redeemChatLinkCode(db.prisma, code, "telegram", "2", t0),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});

describe("first-admin setup link", () => {
  const form = { username: "quantri", displayName: "Quản trị", password: "mat khau quan tri" };
  const instance = () => ({
    key: Buffer.from("shared key of the instances"),
    lock: processChatLock({ onlyInstance: true }),
  });

  it("prints a link while no admin exists; the link creates one admin once", async () => {
    const lines: string[] = [];
    const link = await ensureSetupLink(db.prisma, "http://localhost:3000/", (line) => lines.push(line), {
      ...instance(),
      now: t0,
    });
    expect(link).toMatch(/^http:\/\/localhost:3000\/admin\/setup\?token=[\w-]{43}$/);
    expect(lines).toEqual([expect.stringContaining(link!)]);
    const token = new URL(link!).searchParams.get("token")!;

    expect(await completeSetup(db.prisma, token, { ...form, password: "ngan" }, t0)).toEqual({
      ok: false,
      problem: "admin-error-password-too-short",
    });
    expect(await completeSetup(db.prisma, token, form, t0)).toMatchObject({
      ok: true,
      value: { username: "quantri", role: "admin" },
    });
    expect(await completeSetup(db.prisma, token, { ...form, username: "quantri2" }, t0)).toEqual({
      ok: false,
      problem: "admin-error-setup-link-invalid",
    });
    expect(await ensureSetupLink(db.prisma, "http://x", () => {}, { ...instance(), now: t0 })).toBeUndefined();
  });

  it("instances starting together and restarts print the one link, which expires after a day", async () => {
    // The lock stands for the advisory lock two instances share on PostgreSQL.
    const shared = instance();
    const link = (now: Date) => ensureSetupLink(db.prisma, "http://x", () => {}, { ...shared, now });
    const [first, second] = await Promise.all([link(t0), link(t0)]);
    expect(second).toBe(first);
    expect(await link(at(3600_000))).toBe(first);
    expect(await db.prisma.staffToken.count({ where: { kind: "setup" } })).toBe(1);
    const token = new URL(first!).searchParams.get("token")!;
    expect(await completeSetup(db.prisma, token, form, at(24 * 3600_000))).toMatchObject({ ok: false });
    // After the day, a start issues a new link.
    expect(await link(at(24 * 3600_000 + 1))).not.toBe(first);
  });
});
