import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { translator } from "../i18n/translate.js";
import { metrics } from "../metrics.js";

export interface HttpServer {
  url: string;
  close(): Promise<void>;
}

/** What /readyz reports; the instance takes traffic only when every check is true. */
export type Readiness = Record<string, boolean>;

/**
 * Mounts each part (the dashboard, and the web chat and Telegram webhook when enabled) on one Hono
 * app, with the probes of an orchestrator: /healthz (the process answers), /readyz (it can serve:
 * database reachable, knowledge index loaded, not shutting down) and /metrics (Prometheus).
 */
export function createHttpApp(
  parts: Array<{ path: string; app: Hono }>,
  probes: { ready: () => Promise<Readiness> } = { ready: async () => ({}) },
  notFoundText = translator()("http-not-found"),
): Hono {
  const root = new Hono();
  // A body refused for its size is left unread, so the connection cannot carry another request:
  // tell the client, or it may send its next request on a socket the server is closing.
  root.use("*", async (c, next) => {
    await next();
    if (c.res.status === 413) c.header("connection", "close");
  });
  root.get("/healthz", (c) => c.json({ ok: true }));
  root.get("/readyz", async (c) => {
    const checks = await probes.ready();
    const ok = Object.values(checks).every(Boolean);
    return c.json({ ok, ...checks }, ok ? 200 : 503);
  });
  root.get("/metrics", async (c) => c.body(await metrics.text(), 200, { "content-type": metrics.contentType }));
  for (const part of parts) root.route(part.path, part.app);
  // A mistyped address or method: the same polite words as every other refusal, JSON for API clients.
  root.notFound((c) =>
    c.req.path.startsWith("/api/") ? c.json({ error: notFoundText }, 404) : c.text(notFoundText, 404),
  );
  return root;
}

export function startHttpServer(app: Hono, host: string, port: number): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
        const shownHost = host === "0.0.0.0" || host === "127.0.0.1" || host === "::" ? "localhost" : host;
        resolve({
          url: `http://${shownHost}:${info.port}`,
          close: () => new Promise((done) => server.close(() => done())),
        });
      });
      server.once("error", reject);
    } catch (error) {
      reject(error);
    }
  });
}
