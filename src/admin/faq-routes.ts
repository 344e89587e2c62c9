import { Hono } from "hono";
import { html } from "hono/html";
import { findOfficerQuestion } from "../questions/officer-desk.js";
import {
  deleteFaq,
  FAQ_ANSWER_MAX_LENGTH,
  FAQ_QUESTION_MAX_LENGTH,
  faqReference,
  listFaqs,
  saveFaq,
  setFaqPublished,
  type FaqEntry,
} from "../questions/faq.js";
import { mayAct } from "../staff/roles.js";
import type { StaffSessionInfo } from "../staff/sessions.js";
import type { AdminDeps, AdminEnv } from "./deps.js";
import { displayDateTime } from "../lib/vietnam-time.js";
import { csrfField, flashFrom, formString, page, type Flash } from "./layout.js";
import { requirePermission } from "./session-guard.js";

const entryId = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : 0);

/**
 * FAQ entries (src/questions/faq.ts): an officer writes one from an answered question, rewriting
 * question and answer; it reaches farmers only once published, and leaves them when unpublished.
 */
export function faqRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const { prisma, translate: t } = deps;
  const app = new Hono<AdminEnv>();
  app.post("*", requirePermission(deps, "faq.edit"));

  const fields = (values: { question: string; answer: string }) => html`
    <label>${t("admin-faq-question")}<textarea name="question" rows="2" maxlength="${FAQ_QUESTION_MAX_LENGTH}" required>${values.question}</textarea></label>
    <label>${t("admin-faq-answer")}<textarea name="answer" rows="6" maxlength="${FAQ_ANSWER_MAX_LENGTH}" required>${values.answer}</textarea></label>`;

  const entryCard = (session: StaffSessionInfo, entry: FaqEntry) => {
    const action = (what: string) => `/admin/faq/${entry.id}${what}`;
    const state = entry.published
      ? t("admin-faq-published-at", { at: displayDateTime(entry.publishedAt ?? entry.updatedAt) })
      : t("admin-faq-draft");
    if (!mayAct(session.user.role, "faq.edit")) {
      return html`<article class="card"><p class="meta"><b>${faqReference(entry.id)}</b> · ${state}</p><p><b>${entry.question}</b></p><p class="text">${entry.answer}</p></article>`;
    }
    return html`<article class="card" id="faq-${entry.id}"><p class="meta"><b>${faqReference(entry.id)}</b> · ${state}</p>
      <form method="post" action="${action("")}" class="stack">${csrfField(session)}${fields(entry)}<button type="submit">${t("admin-faq-save")}</button></form>
      <div class="actions">
        <form method="post" action="${action(entry.published ? "/unpublish" : "/publish")}">${csrfField(session)}<button type="submit">${t(entry.published ? "admin-faq-unpublish" : "admin-faq-publish")}</button></form>
        <form method="post" action="${action("/delete")}" class="danger">${csrfField(session)}<button type="submit" data-confirm="${t("admin-faq-delete-confirm")}">${t("admin-faq-delete")}</button></form>
      </div></article>`;
  };

  const newPage = (
    session: StaffSessionInfo,
    values: { question: string; answer: string; from: number },
    flash?: Flash,
  ) =>
    page(t, {
      title: t("admin-faq-new-title"),
      session,
      flash,
      body: html`<p>${t("admin-faq-new-intro")}</p>
        <form method="post" action="/admin/faq" class="card stack">${csrfField(session)}<input type="hidden" name="from" value="${values.from || ""}">
        ${fields(values)}<button type="submit">${t("admin-faq-save")}</button></form>`,
    });

  app.get("/", async (c) => {
    const session = c.get("session");
    const entries = await listFaqs(prisma);
    const body = html`<p>${t("admin-faq-intro")}</p>${entries.length === 0 ? html`<p>${t("admin-faq-none")}</p>` : entries.map((e) => entryCard(session, e))}`;
    return c.html(page(t, { title: t("admin-faq-title"), session, flash: flashFrom(c, t), body }));
  });

  app.get("/new", requirePermission(deps, "faq.edit"), async (c) => {
    const from = entryId(c.req.query("from") ?? "");
    const question = from ? await findOfficerQuestion(prisma, from) : undefined;
    return c.html(newPage(c.get("session"), { question: question?.text ?? "", answer: question?.answer ?? "", from }));
  });

  const editorOf = (c: { get(key: "session"): StaffSessionInfo }) => c.get("session").user.id;

  app.post("/", async (c) => {
    const body = await c.req.parseBody();
    const values = {
      question: formString(body, "question"),
      answer: formString(body, "answer"),
      from: entryId(formString(body, "from")),
    };
    const result = await saveFaq(deps, {
      ...values,
      questionId: values.from || undefined,
      editorId: editorOf(c),
      now: deps.now(),
    });
    if (!result.ok) return c.html(newPage(c.get("session"), values, { kind: "error", text: t(result.problem) }), 400);
    return c.redirect(`/admin/faq?ok=admin-faq-saved#faq-${result.entry.id}`, 303);
  });

  app.post("/:id", async (c) => {
    const body = await c.req.parseBody();
    const result = await saveFaq(deps, {
      id: entryId(c.req.param("id")),
      question: formString(body, "question"),
      answer: formString(body, "answer"),
      editorId: editorOf(c),
      now: deps.now(),
    });
    if (!result.ok) return c.redirect(`/admin/faq?error=${result.problem}`, 303);
    if (result.entry.published) await deps.knowledgeChanged();
    return c.redirect(`/admin/faq?ok=admin-faq-saved#faq-${result.entry.id}`, 303);
  });

  for (const [path, published] of [
    ["publish", true],
    ["unpublish", false],
  ] as const) {
    app.post(`/:id/${path}`, async (c) => {
      const result = await setFaqPublished(deps, {
        id: entryId(c.req.param("id")),
        published,
        editorId: editorOf(c),
        now: deps.now(),
      });
      if (!result.ok) return c.redirect(`/admin/faq?error=${result.problem}`, 303);
      await deps.knowledgeChanged();
      return c.redirect(`/admin/faq?ok=admin-faq-${path}ed`, 303);
    });
  }

  app.post("/:id/delete", async (c) => {
    const deleted = await deleteFaq(deps, { id: entryId(c.req.param("id")), editorId: editorOf(c), now: deps.now() });
    if (!deleted) return c.redirect("/admin/faq?error=admin-error-not-found", 303);
    await deps.knowledgeChanged();
    return c.redirect("/admin/faq?ok=admin-faq-deleted", 303);
  });

  return app;
}
