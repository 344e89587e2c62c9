import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LOCKOUT_MS } from "../../src/staff/login.js";
import { SESSION_IDLE_MS } from "../../src/staff/sessions.js";
import { adminHarness, PASSWORD } from "./admin-harness.js";
import { insertLead } from "../support/lead-rows.js";

let h: Awaited<ReturnType<typeof adminHarness>>;
beforeAll(async () => {
  h = await adminHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.db.clear();
  await Promise.all([h.user("nhanvien", "staff"), h.user("canbo", "officer"), h.user("quantri", "admin")]);
  await insertLead(h.db.prisma, { reference: "HTX-AAAA1" });
});

const PAGES = [
  "/admin",
  "/admin/leads",
  "/admin/leads/HTX-AAAA1",
  "/admin/pools",
  "/admin/questions",
  "/admin/chat-link",
  "/admin/users",
  "/admin/audit",
  "/admin/nothing-here",
];
const POSTS = [
  "/admin/leads/HTX-AAAA1/status",
  "/admin/leads/HTX-AAAA1/notes",
  "/admin/leads/HTX-AAAA1/delete",
  "/admin/questions/1/answer",
  "/admin/users",
  "/admin/chat-link",
  "/admin/logout",
];

describe("without a session", () => {
  it("pages redirect to the login form, remembering where to go back", async () => {
    const anonymous = h.agent();
    for (const path of PAGES) {
      const response = await anonymous.get(path);
      expect([path, response.status]).toEqual([path, 302]);
      expect(response.headers.get("location")).toBe(`/admin/login?next=${encodeURIComponent(path)}`);
    }
  });

  it("exports and every form post get 401", async () => {
    const anonymous = h.agent();
    for (const path of ["/admin/leads/export.xlsx", "/admin/leads/export.csv"])
      expect((await anonymous.get(path)).status).toBe(401);
    for (const path of POSTS) expect([path, (await anonymous.post(path, {})).status]).toEqual([path, 401]);
    expect(await h.db.prisma.lead.count()).toBe(1);
  });

  it("a forged session cookie is no session", async () => {
    const forged = h.agent();
    forged.cookies.set("htx_admin", "made-up-token");
    expect((await forged.get("/admin/leads")).status).toBe(302);
  });
});

describe("login", () => {
  it("sets an HttpOnly, SameSite=Lax cookie scoped to /admin, Secure only over https", async () => {
    const response = await h.agent().login("canbo");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/admin");
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("htx_admin="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/admin/);
    expect(cookie).not.toMatch(/Secure/);
    const proxied = h.agent();
    const html = await (await proxied.get("/admin/login")).text();
    const form = /name="_form" value="([^"]+)"/.exec(html)![1]!;
    const behindProxy = await proxied.post(
      "/admin/login",
      { _form: form, username: "canbo", password: PASSWORD },
      { "x-forwarded-proto": "https" },
    );
    expect(behindProxy.headers.getSetCookie().find((c) => c.startsWith("htx_admin="))).toMatch(/Secure/);
    const https = h.agent("https://htx.example");
    const secure = await https.login("canbo");
    expect(secure.headers.getSetCookie().find((c) => c.startsWith("htx_admin="))).toMatch(/Secure/);
  });

  it("gives one generic message for a wrong password and an unknown user, and records both", async () => {
    const wrong = await h.agent().login("canbo", "sai mat khau");
    const unknown = await h.agent().login("khongco", "sai mat khau");
    expect(wrong.status).toBe(401);
    const [a, b] = [await wrong.text(), await unknown.text()];
    expect(a).toContain("Tên đăng nhập hoặc mật khẩu không đúng");
    expect(b).toContain("Tên đăng nhập hoặc mật khẩu không đúng");
    expect(await h.db.prisma.auditEntry.count({ where: { action: "staff.login_failed" } })).toBe(2);
  });

  it("goes back to the page asked for, but never to another site", async () => {
    expect((await h.agent().login("canbo", undefined, "/admin/leads?status=new")).headers.get("location")).toBe(
      "/admin/leads?status=new",
    );
    expect((await h.agent().login("canbo", undefined, "//evil.example/admin")).headers.get("location")).toBe("/admin");
    expect((await h.agent().login("canbo", undefined, "https://evil.example")).headers.get("location")).toBe("/admin");
  });

  it("rejects a login post without the form token (login CSRF)", async () => {
    const response = await h.agent().post("/admin/login", { username: "canbo", password: "mat khau that dai" });
    expect(response.status).toBe(403);
  });

  it("locks the account after 5 wrong passwords for 15 minutes", async () => {
    const browser = h.agent();
    for (let i = 0; i < 5; i++) expect((await browser.login("canbo", `sai ${i}`)).status).toBe(401);
    const locked = await browser.login("canbo");
    expect(locked.status).toBe(401);
    expect(await locked.text()).toContain("tạm khóa");
    h.clock.advance(LOCKOUT_MS + 1000);
    expect((await browser.login("canbo")).status).toBe(303);
  });
});

describe("sessions", () => {
  it("expire after 2 idle hours, and end at logout", async () => {
    const officer = h.agent();
    await officer.login("canbo");
    expect((await officer.get("/admin/leads")).status).toBe(200);
    h.clock.advance(SESSION_IDLE_MS + 60_000);
    expect((await officer.get("/admin/leads")).status).toBe(302);

    await officer.login("canbo");
    const csrf = await officer.csrf();
    expect((await officer.post("/admin/logout", { _csrf: csrf })).status).toBe(303);
    expect((await officer.get("/admin/leads")).status).toBe(302);
  });
});

describe("CSRF", () => {
  it("rejects state changes without the session's token, in the form or the header", async () => {
    const officer = h.agent();
    await officer.login("canbo");
    const csrf = await officer.csrf();
    expect((await officer.post("/admin/leads/HTX-AAAA1/status", { from: "new", to: "contacted" })).status).toBe(403);
    expect(
      (await officer.post("/admin/leads/HTX-AAAA1/status", { from: "new", to: "contacted", _csrf: "wrong" })).status,
    ).toBe(403);
    const other = h.agent();
    await other.login("canbo");
    expect(
      (await other.post("/admin/leads/HTX-AAAA1/status", { from: "new", to: "contacted", _csrf: csrf })).status,
    ).toBe(403);
    expect(await h.db.prisma.lead.findFirst()).toMatchObject({ status: "new" });
    expect(
      (await officer.post("/admin/leads/HTX-AAAA1/status", { from: "new", to: "contacted" }, { "x-csrf-token": csrf }))
        .status,
    ).toBe(303);
    expect(await h.db.prisma.lead.findFirst()).toMatchObject({ status: "contacted" });
  });
});

describe("roles", () => {
  it("staff read; officers also act and export; admins also manage users and read the audit log", async () => {
    const [staff, officer, admin] = [h.agent(), h.agent(), h.agent()];
    await Promise.all([staff.login("nhanvien"), officer.login("canbo"), admin.login("quantri")]);
    const status = async (agent: ReturnType<typeof h.agent>, path: string) => (await agent.get(path)).status;
    const post = async (agent: ReturnType<typeof h.agent>, path: string, form: Record<string, string>) =>
      (await agent.post(path, { ...form, _csrf: await agent.csrf() })).status;

    for (const path of [
      "/admin",
      "/admin/leads",
      "/admin/leads/HTX-AAAA1",
      "/admin/pools",
      "/admin/questions",
      "/admin/chat-link",
    ])
      expect([path, await status(staff, path)]).toEqual([path, 200]);
    expect(await status(staff, "/admin/leads/export.csv")).toBe(403);
    expect(await post(staff, "/admin/leads/HTX-AAAA1/status", { from: "new", to: "contacted" })).toBe(403);
    expect(await post(staff, "/admin/leads/HTX-AAAA1/notes", { note: "x" })).toBe(403);
    expect(await post(staff, "/admin/questions/1/close", {})).toBe(403);
    expect(await status(staff, "/admin/users")).toBe(403);

    expect(await status(officer, "/admin/leads/export.csv")).toBe(200);
    expect(await status(officer, "/admin/users")).toBe(403);
    expect(await status(officer, "/admin/audit")).toBe(403);
    expect(
      await post(officer, "/admin/users", {
        username: "moi",
        displayName: "Mới",
        password: "mat khau moi dai",
        role: "admin",
      }),
    ).toBe(403);
    expect(await post(officer, "/admin/leads/HTX-AAAA1/delete", {})).toBe(403);
    expect(await h.db.prisma.staffUser.count()).toBe(3);

    expect(await status(admin, "/admin/users")).toBe(200);
    expect(await status(admin, "/admin/audit")).toBe(200);
    expect(await post(admin, "/admin/leads/HTX-AAAA1/delete", {})).toBe(303);
    expect(await h.db.prisma.lead.count()).toBe(0);
  });

  it("the navigation shows only what the role may open", async () => {
    const staff = h.agent();
    await staff.login("nhanvien");
    const html = await (await staff.get("/admin/leads")).text();
    expect(html).not.toContain('href="/admin/users"');
    expect(html).not.toContain("export.xlsx");
  });
});

describe("security headers", () => {
  it("pages are not cached or framed and allow only our own scripts", async () => {
    const response = await h.agent().get("/admin/login");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
  });
});
