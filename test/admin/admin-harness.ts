import { adminRoutes } from "../../src/admin/routes.js";
import { prismaAuditLog } from "../../src/audit/audit-log.js";
import { translator } from "../../src/i18n/translate.js";
import { createLogger } from "../../src/logger.js";
import { memoryOutbox } from "../support/memory-outbox.js";
import { campaignService } from "../../src/broadcast/campaigns.js";
import { createHttpApp } from "../../src/server/http-server.js";
import type { StaffRole } from "../../src/staff/roles.js";
import { migratedDatabase } from "../staff/migrated-database.js";
import { staffAccount } from "../support/staff-accounts.js";

export const PASSWORD = "mat khau that dai";

/** The dashboard over a migrated in-memory database, a settable clock, a recording outbox and a count of knowledge refreshes. */
export async function adminHarness(options: { production?: boolean } = {}) {
  const db = await migratedDatabase();
  let now = new Date("2026-11-27T08:00:00Z");
  const outbox = memoryOutbox();
  let knowledgeChanges = 0;
  const app = createHttpApp([
    {
      path: "/admin",
      app: adminRoutes({
        prisma: db.prisma,
        outbox,
        broadcasts: campaignService({
          prisma: db.prisma,
          audit: prismaAuditLog(db.prisma),
          deliverable: () => ["telegram", "webchat"],
        }),
        audit: prismaAuditLog(db.prisma),
        translate: translator(),
        logger: createLogger("silent"),
        now: () => now,
        knowledgeChanged: async () => void knowledgeChanges++,
        production: options.production ?? false,
        // Tests tell addresses apart with X-Forwarded-For.
        trustProxy: true,
      }),
    },
  ]);

  const user = (username: string, role: StaffRole) =>
    staffAccount(db.prisma, { username, displayName: `Tên ${username}`, password: PASSWORD, role });

  /** A browser-like client: keeps cookies, does not follow redirects. */
  function agent(base = "http://localhost") {
    const cookies = new Map<string, string>();
    async function request(path: string, init: RequestInit = {}) {
      const headers = new Headers(init.headers);
      if (cookies.size > 0) headers.set("cookie", [...cookies].map(([k, v]) => `${k}=${v}`).join("; "));
      const response = await app.request(`${base}${path}`, { ...init, headers });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const [name, value] = pair!.split("=");
        if (value) cookies.set(name!, value);
        else cookies.delete(name!);
      }
      return response;
    }
    const get = (path: string, headers: Record<string, string> = {}) => request(path, { headers });
    const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
      request(path, {
        method: "POST",
        body: new URLSearchParams(form),
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      });
    /** The CSRF token a page's forms carry. */
    async function csrf(path = "/admin/chat-link") {
      const html = await (await get(path)).text();
      const match = /name="_csrf" value="([^"]+)"/.exec(html);
      if (!match) throw new Error(`no CSRF token on ${path}`);
      return match[1]!;
    }
    async function login(username: string, password = PASSWORD, next?: string) {
      const html = await (await get("/admin/login")).text();
      const form = /name="_form" value="([^"]+)"/.exec(html)![1]!;
      return post("/admin/login", { _form: form, username, password, ...(next ? { next } : {}) });
    }
    return { request, get, post, csrf, login, cookies };
  }

  return {
    db,
    app,
    outbox,
    knowledgeChanges: () => knowledgeChanges,
    user,
    agent,
    clock: { advance: (ms: number) => (now = new Date(now.getTime() + ms)), now: () => now },
    close: () => db.close(),
  };
}
