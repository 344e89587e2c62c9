import type { IncomingMessage } from "node:http";
import type { Context } from "hono";

/**
 * The address a login attempt came from, for the per-address limits. Behind a trusted reverse proxy
 * it is the last X-Forwarded-For entry (the one the proxy appended; earlier ones are the client's
 * word); otherwise the socket's peer. Requests without a socket (in-process tests) share one address.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req
      .header("x-forwarded-for")
      ?.split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const last = forwarded?.at(-1);
    if (last) return last.slice(0, 64);
  }
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? "local";
}
