import { Hono } from "hono";
import { html } from "hono/html";
import {
  answerOfficerQuestion,
  ANSWER_MAX_LENGTH,
  closeOfficerQuestion,
  findOfficerQuestion,
  listOfficerQuestions,
  quote,
  type OfficerQuestionView,
  type QuestionStatusFilter,
} from "../questions/officer-desk.js";
import { mayAct } from "../staff/roles.js";
import type { StaffSessionInfo } from "../staff/sessions.js";
import { channelLabel } from "./channel-label.js";
import type { AdminDeps, AdminEnv } from "./deps.js";
import { displayDateTime } from "../lib/vietnam-time.js";
import { csrfField, flashFrom, formString, notFoundPage, page, pageParam, pager } from "./layout.js";
import { requirePermission } from "./session-guard.js";

const PAGE_SIZE = 20;
const TABS: QuestionStatusFilter[] = ["open", "answered", "closed", "all"];

/** The officers' question queue: read, reply (sent to the farmer's chat), keep a reply as an FAQ entry. */
export function questionsRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const { prisma, translate: t, audit } = deps;
  const app = new Hono<AdminEnv>();

  const deliveryNote = (q: OfficerQuestionView) =>
    q.delivery?.status === "undeliverable"
      ? html`<p class="flash error" role="alert">${t("admin-answer-undeliverable", { reason: t(`outbound-undeliverable-${q.delivery.reason ?? "unknown"}`) })}</p>`
      : q.delivery
        ? html`<p class="meta">${t(`admin-answer-delivery-${q.delivery.status}`)}</p>`
        : "";

  const askerLine = (q: OfficerQuestionView) =>
    q.asker
      ? html`${t("admin-question-asker", { name: q.asker.fullName, commune: q.asker.communeName })} · ${q.asker.references.map(
          (reference, i) =>
            html`${i > 0 ? ", " : ""}<a href="/admin/leads/${encodeURIComponent(reference)}">${reference}</a>`,
        )}`
      : t("admin-question-asker-unknown");

  const questionLink = (id: number, reference: string) => html`<a href="/admin/questions/${id}">${reference}</a>`;

  /**
   * A farmer's reply: to an answer, which question it answers (a link) and that exchange, quoted; to
   * a message about their lead, what the officer wrote.
   */
  const earlierExchange = (q: OfficerQuestionView) => {
    if (q.repliesTo && q.repliesToId)
      return html`<div class="earlier"><p class="meta">${t("admin-question-replies-to")} ${questionLink(q.repliesToId, q.repliesTo.reference)}</p>
        <p class="meta">${t("admin-question-earlier-asked", { text: quote(q.repliesTo.text) })}</p>
        ${q.repliesTo.answer ? html`<p class="meta">${t("admin-question-earlier-answer", { name: q.repliesTo.answeredByName ?? "", text: quote(q.repliesTo.answer) })}</p>` : ""}</div>`;
    const word = q.repliesToWord;
    if (!word) return "";
    const args = { name: word.byName ?? "", lead: word.lead, text: quote(word.text) };
    return html`<div class="earlier"><p class="meta">${t("admin-question-earlier-message", args)}</p></div>`;
  };

  const card = (session: StaffSessionInfo, q: OfficerQuestionView) => {
    const officer = mayAct(session.user.role, "question.answer");
    const action = (what: string) => `/admin/questions/${q.id}/${what}`;
    return html`<article class="card question" id="q-${q.id}">
      <p class="meta"><b>${q.reference}</b> · ${displayDateTime(q.createdAt)} · ${t(`admin-origin-${q.origin}`)} · ${channelLabel(t, q.channel)}</p>
      <p class="meta asker">${askerLine(q)}</p>
      ${earlierExchange(q)}
      <p class="text">${q.text}</p>
      ${
        q.status === "answered" && q.answer
          ? html`<div class="answer"><p class="meta">${t("admin-question-answered-by", { name: q.answeredByName ?? "", at: q.answeredAt ? displayDateTime(q.answeredAt) : "" })}</p><p>${q.answer}</p>
          ${deliveryNote(q)}
          ${mayAct(session.user.role, "faq.edit") ? html`<p><a class="button" href="/admin/faq/new?from=${q.id}">${t("admin-question-save-faq")}</a></p>` : ""}</div>`
          : q.status === "closed"
            ? html`<p class="meta">${t("admin-question-closed-by", { name: q.answeredByName ?? "", at: q.answeredAt ? displayDateTime(q.answeredAt) : "" })}</p>`
            : officer && q.status === "open"
              ? html`<form method="post" action="${action("answer")}" class="stack">${csrfField(session)}
              <label>${t("admin-question-reply")}<textarea name="answer" rows="4" maxlength="${ANSWER_MAX_LENGTH}" required></textarea></label>
              <button type="submit">${t("admin-question-send")}</button></form>
              ${
                mayAct(session.user.role, "question.close")
                  ? html`<form method="post" action="${action("close")}" class="danger">${csrfField(session)}
                <button type="submit" data-confirm="${t("admin-question-close-confirm")}">${t("admin-question-close")}</button></form>`
                  : ""
              }`
              : ""
      }
    </article>`;
  };

  app.get("/", async (c) => {
    const status = TABS.find((tab) => tab === c.req.query("status")) ?? "open";
    const { questions, total } = await listOfficerQuestions(prisma, {
      status,
      page: pageParam(c),
      pageSize: PAGE_SIZE,
    });
    const session = c.get("session");
    const body = html`<p class="tabs">${TABS.map((tab) => html`<a href="/admin/questions?status=${tab}"${tab === status ? html` aria-current="page"` : ""}>${t(`admin-questions-tab-${tab}`)}</a>`)}</p>
      ${questions.length === 0 ? html`<p>${t("admin-questions-none")}</p>` : questions.map((q) => card(session, q))}
      ${pager(t, c, pageParam(c), Math.max(1, Math.ceil(total / PAGE_SIZE)))}`;
    return c.html(page(t, { title: t("admin-questions-title"), session, flash: flashFrom(c, t), body }));
  });

  const questionId = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : 0);

  /** One question, whatever its state: where a reply's link to the question it answers leads. */
  app.get("/:id", async (c) => {
    const q = await findOfficerQuestion(prisma, questionId(c.req.param("id")));
    const session = c.get("session");
    if (!q) return c.html(notFoundPage(t, session), 404);
    const title = t("admin-question-title", { reference: q.reference });
    return c.html(page(t, { title, session, flash: flashFrom(c, t), body: card(session, q) }));
  });

  app.post("/:id/answer", requirePermission(deps, "question.answer"), async (c) => {
    const officerId = c.get("session").user.id;
    const answer = formString(await c.req.parseBody(), "answer");
    const result = await answerOfficerQuestion(
      { prisma, translate: t },
      { id: questionId(c.req.param("id")), answer, officerId, now: deps.now() },
    );
    if (!result.ok) return c.redirect(`/admin/questions?error=${result.problem}`, 303);
    return c.redirect("/admin/questions?status=answered&ok=admin-question-sent", 303);
  });

  app.post("/:id/close", requirePermission(deps, "question.close"), async (c) => {
    const result = await closeOfficerQuestion(
      { prisma, audit },
      { id: questionId(c.req.param("id")), officerId: c.get("session").user.id, now: deps.now() },
    );
    return c.redirect(
      result.ok ? "/admin/questions?ok=admin-question-closed" : `/admin/questions?error=${result.problem}`,
      303,
    );
  });

  return app;
}
