import { readFileSync } from "node:fs";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { Translate } from "../../i18n/translate.js";
import type { Logger } from "../../logger.js";
import type { WebChat, WebChatInput } from "./webchat.js";
import { metrics } from "../../metrics.js";
import { storableText } from "../../lib/storable-text.js";

const PUBLIC_DIR = new URL("./public/", import.meta.url);
const asset = (name: string) => readFileSync(new URL(name, PUBLIC_DIR), "utf8");

/** A message is at most 2000 characters: 16 KB is far more than any valid request (4 bytes a character). */
export const CHAT_BODY_MAX_BYTES = 16 * 1024;
/** Ids are PostgreSQL integers: anything larger is not ours, and must not reach the database. */
const DB_INT_MAX = 2_147_483_647;

const session = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const clientId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/)
  .optional();
const inputSchema = z.union([
  z
    .object({ session, clientId, text: z.string().transform(storableText).pipe(z.string().trim().min(1).max(2000)) })
    .strict(),
  z
    .object({
      session,
      clientId,
      button: z.string().min(1).max(64),
      messageId: z.number().int().positive().max(DB_INT_MAX),
    })
    .strict(),
]);
const after = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number)
  .pipe(z.number().max(DB_INT_MAX))
  .default(0);

/**
 * Why a request body was refused, as the message key the farmer reads: an empty or overlong text,
 * a session or button the page should not have sent (reload), or a body that is not ours at all.
 */
function refusalKey(body: unknown): string {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "webchat-unreadable";
  const fields = body as Record<string, unknown>;
  if (!session.safeParse(fields.session).success) return "webchat-bad-session";
  if ("text" in fields && typeof fields.text === "string") {
    const text = storableText(fields.text).trim();
    if (text.length === 0) return "webchat-empty";
    if (text.length > 2000) return "webchat-text-too-long";
  }
  if ("button" in fields) return "webchat-bad-button";
  return "webchat-bad-request";
}

/**
 * The web chat page and its JSON API (documented in the README): the page, tests and scripts all
 * talk to the bot through these two routes.
 */
export function webChatRoutes(deps: { webchat: WebChat; translate: Translate; logger: Logger }): Hono {
  const app = new Hono();
  const page = asset("index.html");
  const script = asset("chat.js");
  const style = asset("chat.css");

  app.get("/", (c) => c.html(page));
  app.get("/webchat/chat.js", (c) => c.body(script, 200, { "content-type": "text/javascript; charset=utf-8" }));
  app.get("/webchat/chat.css", (c) => c.body(style, 200, { "content-type": "text/css; charset=utf-8" }));

  const tooLarge = bodyLimit({
    maxSize: CHAT_BODY_MAX_BYTES,
    onError: (c) => c.json({ error: deps.translate("webchat-too-large") }, 413),
  });
  app.post("/api/chat", tooLarge, async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    const parsed = inputSchema.safeParse(body);
    if (!parsed.success) return c.json({ error: deps.translate(refusalKey(body)) }, 400);
    try {
      const result = await deps.webchat.handle(parsed.data as WebChatInput);
      // Only a press can be refused here: a button the bot did not put on that message.
      return result ? c.json(result) : c.json({ error: deps.translate("webchat-bad-button") }, 400);
    } catch (error) {
      deps.logger.error({ err: { message: (error as Error).message } }, "web chat input failed");
      metrics.error("webchat");
      return c.json({ error: deps.translate("error-internal") }, 500);
    }
  });

  app.get("/api/chat/history", async (c) => {
    const parsedSession = session.safeParse(c.req.query("session"));
    const parsedAfter = after.safeParse(c.req.query("after"));
    if (!parsedSession.success) return c.json({ error: deps.translate("webchat-bad-session") }, 400);
    if (!parsedAfter.success) return c.json({ error: deps.translate("webchat-bad-after") }, 400);
    return c.json({ messages: await deps.webchat.history(parsedSession.data, parsedAfter.data) });
  });

  return app;
}
