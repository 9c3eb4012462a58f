import { randomBytes } from "node:crypto";
import { env, type Env } from "../env";

/** Brisk's own cookies: how they are flagged, and the unguessable ids some of them carry. */

/** Cookies are Secure when the site is served over https (AUTH_URL). */
export const secureCookies = (source: Env = env) => new URL(source.AUTH_URL).protocol === "https:";

/** httpOnly, SameSite=Lax, for the whole site, Secure on https; kept `maxAgeSeconds` when given. */
export const siteCookieOptions = (maxAgeSeconds?: number, source: Env = env) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  secure: secureCookies(source),
  ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
});

/** An unguessable id for a cookie to carry: 128 random bits, base64url. */
export function newCookieId(): string {
  return randomBytes(16).toString("base64url");
}

/** The id in a cookie value, or null when it is absent or not one `newCookieId` made (forged, truncated). */
export function parseCookieId(value: string | undefined | null): string | null {
  return value && /^[A-Za-z0-9_-]{22}$/.test(value) ? value : null;
}
