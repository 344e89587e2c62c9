import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { mayAct, type StaffAction } from "../staff/roles.js";
import { sameSecret } from "../staff/secret-token.js";
import { findStaffSession } from "../staff/sessions.js";
import { SESSION_COOKIE } from "./cookies.js";
import type { AdminDeps, AdminEnv } from "./deps.js";
import { forbiddenPage } from "./layout.js";

/**
 * Nothing under /admin but the login and setup pages works without a session: a page request is
 * sent to the login form, anything else (form posts, exports) gets 401.
 */
const isPageRequest = (method: string, path: string) => method === "GET" && !path.includes("/export.");

export function requireSession(deps: AdminDeps): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await findStaffSession(deps.prisma, token, deps.now()) : undefined;
    if (!session) {
      if (!isPageRequest(c.req.method, c.req.path)) return c.text(deps.translate("admin-unauthorized"), 401);
      const next = new URL(c.req.url);
      return c.redirect(`/admin/login?next=${encodeURIComponent(next.pathname + next.search)}`, 302);
    }
    c.set("session", session);
    await next();
  };
}

/**
 * Every state-changing request carries the session's CSRF token, in the form field `_csrf` or the
 * `X-CSRF-Token` header. SameSite=Lax already stops most cross-site posts; the token covers the rest.
 */
export function requireCsrf(deps: AdminDeps): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const header = c.req.header("x-csrf-token");
    const body = header ? undefined : await c.req.parseBody();
    const sent = header ?? (typeof body?._csrf === "string" ? body._csrf : "");
    if (!sameSecret(sent, c.get("session").csrfToken)) return c.text(deps.translate("admin-csrf-rejected"), 403);
    await next();
  };
}

/** Refuses the request unless the session's role may do `action` (the same check chat actions pass). */
export function requirePermission(deps: AdminDeps, action: StaffAction): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const { user } = c.get("session");
    if (mayAct(user.role, action)) return next();
    return isPageRequest(c.req.method, c.req.path)
      ? c.html(forbiddenPage(deps.translate, c.get("session")), 403)
      : c.text(deps.translate("admin-forbidden"), 403);
  };
}
