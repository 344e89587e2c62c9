import { Hono } from "hono";
import { html } from "hono/html";
import { isStaffRole, roleLabelKey, STAFF_ROLES } from "../staff/roles.js";
import { createStaffUser, listStaffUsers, resetStaffPassword, setStaffActive, setStaffRole } from "../staff/users.js";
import { channelLabel } from "./channel-label.js";
import type { AdminDeps, AdminEnv } from "./deps.js";
import { selectField } from "./form-controls.js";
import { displayDateTime } from "../lib/vietnam-time.js";
import { csrfField, flashFrom, formString, page } from "./layout.js";

/** Admins only (checked where this is mounted): create users, change roles, deactivate, reset passwords. */
export function usersRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const { prisma, translate: t, audit } = deps;
  const app = new Hono<AdminEnv>();
  const roles = STAFF_ROLES.map((r) => ({ value: r, label: t(roleLabelKey(r)) }));

  app.get("/", async (c) => {
    const session = c.get("session");
    const now = deps.now();
    const users = await listStaffUsers(prisma);
    const action = (id: number, what: string) => `/admin/users/${id}/${what}`;
    const body = html`<div class="table"><table class="cards-on-phone">
      <thead><tr><th>${t("admin-username")}</th><th>${t("admin-display-name")}</th><th>${t("admin-role")}</th><th>${t("admin-user-state")}</th><th>${t("admin-user-chat")}</th><th></th></tr></thead>
      <tbody>${users.map(
        (
          u,
        ) => html`<tr${u.active ? "" : html` class="inactive"`}><td><b>${u.username}</b></td><td data-label="${t("admin-display-name")}">${u.displayName}</td>
          <td data-label="${t("admin-role")}"><form method="post" action="${action(u.id, "role")}" class="inline">${csrfField(session)}${selectField(t("admin-role"), "role", roles, u.role)}<button type="submit">${t("admin-save")}</button></form></td>
          <td data-label="${t("admin-user-state")}">${!u.active ? t("admin-user-inactive") : u.lockedUntil && u.lockedUntil > now ? t("admin-user-locked", { until: displayDateTime(u.lockedUntil) }) : t("admin-user-active")}</td>
          <td data-label="${t("admin-user-chat")}">${u.chatChannel ? channelLabel(t, u.chatChannel) : "—"}</td>
          <td><form method="post" action="${action(u.id, "active")}" class="inline">${csrfField(session)}<input type="hidden" name="active" value="${u.active ? "false" : "true"}">
              <button type="submit"${u.active ? html` data-confirm="${t("admin-user-deactivate-confirm", { name: u.displayName })}"` : ""}>${u.active ? t("admin-user-deactivate") : t("admin-user-activate")}</button></form>
            <form method="post" action="${action(u.id, "password")}" class="inline">${csrfField(session)}
              <label>${t("admin-new-password")}<input type="password" name="password" autocomplete="new-password" minlength="10" required></label>
              <button type="submit">${t("admin-user-reset-password")}</button></form></td></tr>`,
      )}</tbody></table></div>
      <form method="post" action="/admin/users" class="card stack narrow"><h2>${t("admin-user-create")}</h2>${csrfField(session)}
        <label>${t("admin-username")}<input name="username" autocomplete="off" required></label>
        <label>${t("admin-display-name")}<input name="displayName" required></label>
        <label>${t("admin-password")}<input type="password" name="password" autocomplete="new-password" minlength="10" required></label>
        ${selectField(t("admin-role"), "role", roles, "officer")}
        <button type="submit">${t("admin-user-create")}</button></form>`;
    return c.html(page(t, { title: t("admin-users-title"), session, flash: flashFrom(c, t), body }));
  });

  const done = (problem: string | undefined, ok: string) => `/admin/users?${problem ? `error=${problem}` : `ok=${ok}`}`;

  app.post("/", async (c) => {
    const body = await c.req.parseBody();
    const role = formString(body, "role");
    if (!isStaffRole(role)) return c.redirect(done("admin-error-role-invalid", ""), 303);
    const result = await createStaffUser(prisma, {
      username: formString(body, "username"),
      displayName: formString(body, "displayName"),
      password: formString(body, "password"),
      role,
    });
    if (result.ok)
      await audit.record({
        action: "user.create",
        actorId: c.get("session").user.id,
        target: `user:${result.value.id}`,
        details: { role },
      });
    return c.redirect(done(result.ok ? undefined : result.problem, "admin-user-created"), 303);
  });

  const userId = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : 0);

  app.post("/:id/role", async (c) => {
    const role = formString(await c.req.parseBody(), "role");
    if (!isStaffRole(role)) return c.redirect(done("admin-error-role-invalid", ""), 303);
    const id = userId(c.req.param("id"));
    const result = await setStaffRole(prisma, id, role);
    if (result.ok)
      await audit.record({
        action: "user.role",
        actorId: c.get("session").user.id,
        target: `user:${id}`,
        details: { role },
      });
    return c.redirect(done(result.ok ? undefined : result.problem, "admin-user-saved"), 303);
  });

  app.post("/:id/active", async (c) => {
    const active = formString(await c.req.parseBody(), "active") === "true";
    const id = userId(c.req.param("id"));
    const result = await setStaffActive(prisma, id, active);
    if (result.ok)
      await audit.record({
        action: active ? "user.activate" : "user.deactivate",
        actorId: c.get("session").user.id,
        target: `user:${id}`,
      });
    return c.redirect(done(result.ok ? undefined : result.problem, "admin-user-saved"), 303);
  });

  app.post("/:id/password", async (c) => {
    const id = userId(c.req.param("id"));
    const result = await resetStaffPassword(prisma, id, formString(await c.req.parseBody(), "password"));
    if (result.ok)
      await audit.record({ action: "user.password", actorId: c.get("session").user.id, target: `user:${id}` });
    return c.redirect(done(result.ok ? undefined : result.problem, "admin-user-password-reset"), 303);
  });

  return app;
}
