import { Hono } from "hono";
import { html } from "hono/html";
import { createChatLinkCode } from "../staff/chat-link.js";
import type { AdminDeps, AdminEnv, AdminContext } from "./deps.js";
import { displayDateTime } from "../lib/vietnam-time.js";
import { csrfField, page, type Html } from "./layout.js";
import { channelLabel } from "./channel-label.js";

/**
 * Any staff member can link their own chat (notices of new work, answering farmers, test copies of
 * announcements): this page makes a one-time code to send there as `/canbo <code>`. The code is shown in the response to the POST, never put in a URL.
 */
export function chatLinkRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const { prisma, translate: t } = deps;
  const app = new Hono<AdminEnv>();

  async function render(c: AdminContext, code?: Html) {
    const session = c.get("session");
    const user = await prisma.staffUser.findUniqueOrThrow({
      where: { id: session.user.id },
      select: { chatChannel: true },
    });
    const body = html`<p>${t("admin-chat-link-what")}</p>
      <p><b>${user.chatChannel ? t("admin-chat-link-linked", { channel: channelLabel(t, user.chatChannel) }) : t("admin-chat-link-none")}</b></p>
      ${code ?? ""}
      <form method="post" action="/admin/chat-link" class="card narrow">${csrfField(session)}<p>${t("admin-chat-link-intro")}</p>
        <button type="submit">${t("admin-chat-link-create")}</button></form>`;
    return c.html(page(t, { title: t("admin-chat-link-title"), session, body }));
  }

  app.get("/", (c) => render(c));

  app.post("/", async (c) => {
    const userId = c.get("session").user.id;
    const { code, expiresAt } = await createChatLinkCode(prisma, userId, deps.now());
    await deps.audit.record({ action: "chat_link.create", actorId: userId, target: `user:${userId}` });
    c.header("cache-control", "no-store");
    return render(
      c,
      html`<p class="code card">${t("admin-chat-link-send")}<br><code class="big">/canbo ${code}</code><br>${t("admin-chat-link-expires", { at: displayDateTime(expiresAt) })}</p>`,
    );
  });

  return app;
}
