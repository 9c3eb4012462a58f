import { randomBytes } from "node:crypto";
import { env } from "../env";

/**
 * The visitor cookie: an unguessable id (128 random bits) that names a browser's recently viewed products
 * before its shopper signs in. httpOnly, SameSite=Lax, Secure on https, renewed on every recorded view.
 * An id the browser made up names only an empty list: nobody can read another browser's list without
 * its cookie.
 */

export const VISITOR_COOKIE = "brisk_visitor";
const VISITOR_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function newVisitorId(): string {
  return randomBytes(16).toString("base64url");
}

/** The visitor id in a cookie value, or null when it is absent or not one of ours. */
export function parseVisitorId(value: string | undefined | null): string | null {
  return value && /^[A-Za-z0-9_-]{22}$/.test(value) ? value : null;
}

export function visitorCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: new URL(env.AUTH_URL).protocol === "https:",
    path: "/",
    maxAge: VISITOR_MAX_AGE_SECONDS,
  };
}
