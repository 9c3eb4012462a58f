import { env } from "../env";

/** The session cookie: httpOnly, SameSite=Lax, Secure (and `__Secure-`) when AUTH_URL is https. */

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** Auth.js moves a session's expiry at most once a day (and the session key's PXAT with it). */
export const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;

export const secureCookies = () => new URL(env.AUTH_URL).protocol === "https:";

export const sessionCookieName = () => (secureCookies() ? "__Secure-authjs.session-token" : "authjs.session-token");

export const sessionCookieOptions = () => ({
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  secure: secureCookies(),
});
