import type { Context } from "hono";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Translate } from "../i18n/translate.js";
import { mayAct, roleLabelKey, type StaffAction } from "../staff/roles.js";
import type { StaffSessionInfo } from "../staff/sessions.js";

/** The page frame: header, navigation for the user's role, a flash message, the content. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const NAV: Array<{ href: string; key: string; action: StaffAction }> = [
  { href: "/admin", key: "admin-nav-overview", action: "read" },
  { href: "/admin/leads", key: "admin-nav-leads", action: "read" },
  { href: "/admin/pools", key: "admin-nav-pools", action: "read" },
  { href: "/admin/questions", key: "admin-nav-questions", action: "read" },
  { href: "/admin/broadcasts", key: "admin-nav-broadcasts", action: "read" },
  { href: "/admin/faq", key: "admin-nav-faq", action: "read" },
  { href: "/admin/chat-link", key: "admin-nav-chat-link", action: "read" },
  { href: "/admin/users", key: "admin-nav-users", action: "user.manage" },
  { href: "/admin/audit", key: "admin-nav-audit", action: "audit.read" },
];

export type Flash = { kind: "ok" | "error"; text: string };

/**
 * After a form post the handler redirects with `?ok=<key>` or `?error=<key>`; only `admin-` keys that
 * exist are shown, so a crafted link cannot put arbitrary text on the page.
 */
export function flashFrom(c: Context, t: Translate): Flash | undefined {
  for (const kind of ["ok", "error"] as const) {
    const key = c.req.query(kind);
    if (!key || !/^admin-[a-z0-9-]+$/.test(key)) continue;
    try {
      return { kind, text: t(key) };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export const csrfField = (session: StaffSessionInfo) =>
  html`<input type="hidden" name="_csrf" value="${session.csrfToken}">`;

export function page(
  t: Translate,
  options: { title: string; session?: StaffSessionInfo; flash?: Flash; body: Html; refreshSeconds?: number },
): Html {
  const { session, flash } = options;
  // The logout form is the header's own item, not the menu's last: on a phone the menu wraps below
  // while "Đăng xuất" stays on the first line.
  const nav = session
    ? html`<nav>${NAV.filter((item) => mayAct(session.user.role, item.action)).map((item) => html`<a href="${item.href}">${t(item.key)}</a>`)}</nav>
        <form method="post" action="/admin/logout" class="logout">${csrfField(session)}<span>${session.user.displayName} · ${t(roleLabelKey(session.user.role))}</span>
        <button type="submit">${t("admin-logout")}</button></form>`
    : "";
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${options.refreshSeconds ? html`<meta http-equiv="refresh" content="${options.refreshSeconds}">` : ""}
<title>${options.title} · ${t("admin-app-name")}</title>
<link rel="stylesheet" href="/admin/assets/admin.css">
<script src="/admin/assets/admin.js" defer></script>
</head>
<body>
<header><a href="/admin" class="brand">${t("admin-app-name")}</a>${nav}</header>
<main>
<h1>${options.title}</h1>
${flash ? html`<p class="flash ${flash.kind}" role="${flash.kind === "error" ? "alert" : "status"}">${flash.text}</p>` : ""}
${options.body}
</main>
</body>
</html>`;
}

export function forbiddenPage(t: Translate, session: StaffSessionInfo): Html {
  return page(t, { title: t("admin-forbidden-title"), session, body: html`<p>${t("admin-forbidden")}</p>` });
}

/** The page for a lead, campaign or question id that does not exist (served with status 404). */
export function notFoundPage(t: Translate, session: StaffSessionInfo): Html {
  return page(t, { title: t("admin-not-found-title"), session, body: html`<p>${t("admin-error-not-found")}</p>` });
}

/** "Trang 2/7" with previous/next links that keep the other query parameters. */
export function pager(t: Translate, c: Context, pageNumber: number, pageCount: number): Html {
  if (pageCount <= 1) return html``;
  const link = (n: number) => {
    const url = new URL(c.req.url);
    url.searchParams.set("page", String(n));
    url.searchParams.delete("ok");
    url.searchParams.delete("error");
    return `${url.pathname}${url.search}`;
  };
  return html`<p class="pager">
    ${pageNumber > 1 ? html`<a href="${link(pageNumber - 1)}" rel="prev">${t("admin-page-previous")}</a>` : ""}
    <span>${t("admin-page-of", { page: pageNumber, pages: pageCount })}</span>
    ${pageNumber < pageCount ? html`<a href="${link(pageNumber + 1)}" rel="next">${t("admin-page-next")}</a>` : ""}
  </p>`;
}

/** Page numbers from the query: 1 when missing or nonsense. */
export function pageParam(c: Context): number {
  const value = Number(c.req.query("page"));
  return Number.isInteger(value) && value >= 1 ? value : 1;
}

export function formString(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === "string" ? value : "";
}
