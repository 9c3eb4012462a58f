import { env } from "../env";

/**
 * Where to go after signing in: only a path on this site (never `//host` or another origin). Auth.js makes
 * the callback URL absolute on AUTH_URL (the mail's link carries it so): that origin is reduced to the path.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string") return "/account";
  if (/^\/(?![/\\])/.test(value)) return value;
  const url = URL.canParse(value) ? new URL(value) : null;
  return url && url.origin === new URL(env.AUTH_URL).origin ? url.pathname + url.search + url.hash : "/account";
}

/** The pending e-mail between asking for a code and typing it (httpOnly, 10 minutes, the code's life). */
export const SIGNIN_EMAIL_COOKIE = "brisk_signin_email";
