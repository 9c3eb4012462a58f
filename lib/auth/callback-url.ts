/** Where to go after signing in: only a path on this site (never `//host` or another origin). */
export function safeCallbackUrl(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : "/account";
}

/** The pending e-mail between asking for a code and typing it (httpOnly, 10 minutes, the code's life). */
export const SIGNIN_EMAIL_COOKIE = "brisk_signin_email";
