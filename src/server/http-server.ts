import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";

export interface HttpServer {
  url: string;
  close(): Promise<void>;
}

/** Mounts each part (the dashboard, and the web chat and Telegram webhook when enabled) on one Hono app. */
export function createHttpApp(parts: Array<{ path: string; app: Hono }>): Hono {
  const root = new Hono();
  root.get("/healthz", (c) => c.json({ ok: true }));
  for (const part of parts) root.route(part.path, part.app);
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
