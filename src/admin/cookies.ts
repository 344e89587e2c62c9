import type { Context } from "hono";
import { setCookie } from "hono/cookie";

/**
 * Dashboard cookies: HttpOnly (no script reads them), SameSite=Lax, Path=/admin (the web chat never
 * sees them), and Secure over HTTPS or in production. No Max-Age: they end with the browser, and the
 * server ends sessions on its own clock anyway.
 */
export const SESSION_COOKIE = "htx_admin";
/** Double-submit token for the login and setup forms, which have no session yet. */
export const FORM_COOKIE = "htx_admin_form";
export const COOKIE_PATH = "/admin";

export function isSecureRequest(c: Context, production: boolean): boolean {
  return production || new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
}

export function setAdminCookie(c: Context, name: string, value: string, production: boolean): void {
  setCookie(c, name, value, {
    httpOnly: true,
    sameSite: "Lax",
    path: COOKIE_PATH,
    secure: isSecureRequest(c, production),
  });
}

export function clearAdminCookie(c: Context, name: string, production: boolean): void {
  setCookie(c, name, "", {
    httpOnly: true,
    sameSite: "Lax",
    path: COOKIE_PATH,
    secure: isSecureRequest(c, production),
    maxAge: 0,
  });
}
