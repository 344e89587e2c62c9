import { readFileSync } from "node:fs";
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { auditRoutes } from "./audit-routes.js";
import { broadcastRoutes } from "./broadcasts/broadcast-routes.js";
import { authRoutes } from "./auth-routes.js";
import { chatLinkRoutes } from "./chat-link-routes.js";
import type { AdminDeps, AdminEnv } from "./deps.js";
import { leadsRoutes } from "./leads/leads-routes.js";
import { overviewRoutes } from "./overview-routes.js";
import { poolsRoutes } from "./pools-routes.js";
import { questionsRoutes } from "./questions-routes.js";
import { faqRoutes } from "./faq-routes.js";
import { requireCsrf, requirePermission, requireSession } from "./session-guard.js";
import { usersRoutes } from "./users-routes.js";

const asset = (name: string) => readFileSync(new URL(`./public/${name}`, import.meta.url), "utf8");

const FORM_MAX_BYTES = 64 * 1024;

/** Deny by default: only these paths work without a session. The dashboard is mounted at /admin. */
const PUBLIC_PATHS = /^\/admin\/(login|setup|assets\/[\w.-]+)$/;

/**
 * Personal data on every page: never cached, never framed, no referrer (the setup link carries a
 * token), scripts and styles only from our own files.
 */
const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header(
    "content-security-policy",
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  );
  c.header("x-content-type-options", "nosniff");
  c.header("x-frame-options", "DENY");
  c.header("referrer-policy", "no-referrer");
  if (!c.req.path.startsWith("/admin/assets/")) c.header("cache-control", "no-store");
};

/** The officers' dashboard (see src/admin/README.md): mount with `{ path: "/admin", app: adminRoutes(deps) }`. */
export function adminRoutes(deps: AdminDeps): Hono {
  const app = new Hono<AdminEnv>();
  const [css, js] = [asset("admin.css"), asset("admin.js")];
  const session = requireSession(deps);
  const csrf = requireCsrf(deps);

  app.use("*", securityHeaders);
  // Forms are small (a note is 1000 characters): refuse a larger body before reading it, and answer a
  // broken form (bad multipart, bad encoding) with a 400 instead of failing inside a handler.
  app.use(
    "*",
    bodyLimit({ maxSize: FORM_MAX_BYTES, onError: (c) => c.text(deps.translate("admin-error-form-too-large"), 413) }),
  );
  app.use("*", async (c, next) => {
    if (c.req.method !== "POST") return next();
    const parsed = await c.req.parseBody().then(
      () => true,
      () => false,
    );
    return parsed ? next() : c.text(deps.translate("admin-error-form-broken"), 400);
  });
  app.use("*", (c, next) => (PUBLIC_PATHS.test(c.req.path) ? next() : session(c, next)));
  app.use("*", (c, next) => (PUBLIC_PATHS.test(c.req.path) ? next() : csrf(c, next)));
  for (const path of ["/users", "/users/*"]) app.use(path, requirePermission(deps, "user.manage"));
  for (const path of ["/audit", "/audit/*"]) app.use(path, requirePermission(deps, "audit.read"));

  app.get("/assets/admin.css", (c) => c.body(css, 200, { "content-type": "text/css; charset=utf-8" }));
  app.get("/assets/admin.js", (c) => c.body(js, 200, { "content-type": "text/javascript; charset=utf-8" }));
  app.route("/", authRoutes(deps));
  app.route("/", overviewRoutes(deps));
  app.route("/leads", leadsRoutes(deps));
  app.route("/pools", poolsRoutes(deps));
  app.route("/questions", questionsRoutes(deps));
  app.route("/faq", faqRoutes(deps));
  app.route("/chat-link", chatLinkRoutes(deps));
  app.route("/broadcasts", broadcastRoutes(deps));
  app.route("/users", usersRoutes(deps));
  app.route("/audit", auditRoutes(deps));
  app.onError((error, c) => {
    deps.logger.error({ err: { message: error.message }, path: c.req.path }, "dashboard request failed");
    return c.text(deps.translate("admin-internal-error"), 500);
  });
  return app as unknown as Hono;
}
