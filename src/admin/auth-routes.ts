import { Hono, type Context } from "hono";
import { getCookie } from "hono/cookie";
import { html } from "hono/html";
import { checkLogin } from "../staff/login.js";
import { clientAddress } from "./client-address.js";
import { newSecret, sameSecret } from "../staff/secret-token.js";
import { isOneTimeTokenValid } from "../staff/one-time-token.js";
import { endStaffSession, startStaffSession } from "../staff/sessions.js";
import { completeSetup } from "../staff/setup-link.js";
import { clearAdminCookie, FORM_COOKIE, SESSION_COOKIE, setAdminCookie } from "./cookies.js";
import type { AdminDeps, AdminEnv } from "./deps.js";
import { flashFrom, formString, page, type Flash } from "./layout.js";

/** Only our own pages: "//evil.example" or "/admin\\..." would send the officer elsewhere after login. */
const safeNext = (next: string) =>
  /^\/admin(\/[\w\-/.]*)?(\?[^\\]*)?$/.test(next) && !next.includes("//") ? next : "/admin";

/** Login and setup have no session yet: their CSRF token is a cookie the form must echo back. */
function formToken(c: Context, deps: AdminDeps): string {
  const existing = getCookie(c, FORM_COOKIE);
  if (existing) return existing;
  const token = newSecret();
  setAdminCookie(c, FORM_COOKIE, token, deps.production);
  return token;
}

async function formTokenMatches(c: Context): Promise<boolean> {
  const body = await c.req.parseBody();
  return sameSecret(formString(body, "_form"), getCookie(c, FORM_COOKIE) ?? "");
}

export function authRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const t = deps.translate;
  const app = new Hono<AdminEnv>();

  const loginPage = (c: Context, flash?: Flash, next = "/admin", username = "") =>
    page(t, {
      title: t("admin-login-title"),
      flash,
      body: html`<form method="post" action="/admin/login" class="card narrow">
        <input type="hidden" name="_form" value="${formToken(c, deps)}"><input type="hidden" name="next" value="${safeNext(next)}">
        <label>${t("admin-username")}<input name="username" value="${username}" autocomplete="username" required autofocus></label>
        <label>${t("admin-password")}<input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">${t("admin-login")}</button>
      </form>`,
    });

  app.get("/login", (c) => c.html(loginPage(c, flashFrom(c, t), c.req.query("next"))));

  app.post("/login", async (c) => {
    if (!(await formTokenMatches(c))) return c.text(t("admin-csrf-rejected"), 403);
    const body = await c.req.parseBody();
    const next = formString(body, "next");
    const attempt = {
      username: formString(body, "username"),
      password: formString(body, "password"),
      address: clientAddress(c, deps.trustProxy),
    };
    const result = await checkLogin(deps.prisma, attempt, deps.now());
    if (!result.ok) {
      await deps.audit.record({
        action: "staff.login_failed",
        actorId: result.userId,
        details: { reason: result.reason, address: attempt.address },
      });
      return c.html(
        loginPage(c, { kind: "error", text: t("admin-login-failed") }, next, formString(body, "username")),
        401,
      );
    }
    const { token } = await startStaffSession(deps.prisma, result.user.id, deps.now());
    setAdminCookie(c, SESSION_COOKIE, token, deps.production);
    await deps.audit.record({ action: "staff.login", actorId: result.user.id });
    return c.redirect(safeNext(next), 303);
  });

  app.post("/logout", async (c) => {
    await endStaffSession(deps.prisma, getCookie(c, SESSION_COOKIE) ?? "");
    clearAdminCookie(c, SESSION_COOKIE, deps.production);
    await deps.audit.record({ action: "staff.logout", actorId: c.get("session").user.id });
    return c.redirect("/admin/login?ok=admin-logged-out", 303);
  });

  const setupPage = (c: Context, token: string, flash?: Flash) =>
    page(t, {
      title: t("admin-setup-title"),
      flash,
      body: html`<p>${t("admin-setup-intro")}</p>
      <form method="post" action="/admin/setup" class="card narrow">
        <input type="hidden" name="_form" value="${formToken(c, deps)}"><input type="hidden" name="token" value="${token}">
        <label>${t("admin-username")}<input name="username" autocomplete="username" required></label>
        <label>${t("admin-display-name")}<input name="displayName" required></label>
        <label>${t("admin-password")}<input name="password" type="password" autocomplete="new-password" required minlength="10"></label>
        <button type="submit">${t("admin-setup-submit")}</button>
      </form>`,
    });

  app.get("/setup", async (c) => {
    const token = c.req.query("token") ?? "";
    if (!(await isOneTimeTokenValid(deps.prisma, "setup", token, deps.now()))) {
      return c.html(
        page(t, {
          title: t("admin-setup-title"),
          body: html`<p class="flash error">${t("admin-error-setup-link-invalid")}</p>`,
        }),
        410,
      );
    }
    return c.html(setupPage(c, token));
  });

  app.post("/setup", async (c) => {
    if (!(await formTokenMatches(c))) return c.text(t("admin-csrf-rejected"), 403);
    const body = await c.req.parseBody();
    const token = formString(body, "token");
    const result = await completeSetup(
      deps.prisma,
      token,
      {
        username: formString(body, "username"),
        displayName: formString(body, "displayName"),
        password: formString(body, "password"),
      },
      deps.now(),
    );
    if (!result.ok) return c.html(setupPage(c, token, { kind: "error", text: t(result.problem) }), 400);
    await deps.audit.record({ action: "staff.setup", actorId: result.value.id, target: `user:${result.value.id}` });
    return c.redirect("/admin/login?ok=admin-setup-done", 303);
  });

  return app;
}
