import { env, type Env } from "../env";
import { secureCookies, siteCookieOptions } from "../http/cookies";

/** The session cookie: httpOnly, SameSite=Lax, Secure (and `__Secure-`) when AUTH_URL is https. */

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** Auth.js moves a session's expiry at most once a day (and the session key's PXAT with it). */
export const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;

export const sessionCookieName = (source: Env = env) =>
  secureCookies(source) ? "__Secure-authjs.session-token" : "authjs.session-token";

export const sessionCookieOptions = (source: Env = env) => siteCookieOptions(undefined, source);

/** The session cookie sent again with a fresh lifetime (the session's own expiry slides in Redis). */
export const refreshedSessionCookieOptions = (source: Env = env) => siteCookieOptions(SESSION_MAX_AGE_SECONDS, source);
