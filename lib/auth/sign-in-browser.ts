import { AsyncLocalStorage } from "node:async_hooks";
import { createHash, randomBytes } from "node:crypto";
import { globalSingleton } from "../global-singleton";
import { secureCookies, siteCookieOptions } from "../http/cookies";
import type { CookieJar } from "./current-user";

/**
 * A sign-in code belongs to the browser that asked for it. Asking sets a random nonce in an httpOnly
 * cookie; the code's record keeps the nonce's hash, and a code is only accepted from a browser that holds
 * that nonce. So a guess is checked against one code only (the guesser's own, mailed to the owner), a
 * stranger's wrong tries never touch the owner's code, and a magic link opened in another browser does not
 * sign that browser in without asking (login CSRF): the link carries the nonce, and the other browser
 * adopts it only when its user confirms (/signin/confirm).
 *
 * Auth.js calls the adapter and the mail sender with no access to the request, so the route and the
 * server action run Auth.js inside `withSignInBrowser(nonce, …)`, and those read it from here.
 */

/** The nonce cookie's name: `__Host-` with https, so no sibling host or plain-http page can plant one. */
export const signInBrowserCookie = () => (secureCookies() ? "__Host-brisk_signin_browser" : "brisk_signin_browser");
/** The nonce's query parameter in the magic link. */
export const LINK_NONCE_PARAM = "browser";

const NONCE = /^[A-Za-z0-9_-]{43}$/;
const context = globalSingleton("auth.signInBrowser", () => new AsyncLocalStorage<{ nonce: string | null }>());

export const newBrowserNonce = (): string => randomBytes(32).toString("base64url");

/** The nonce, if `value` has the shape of one (a cookie or a link parameter). */
export const parseBrowserNonce = (value: unknown): string | null =>
  typeof value === "string" && NONCE.test(value) ? value : null;

/** The nonce of the browser a request comes from (its cookie), or null. */
export const browserNonceOf = (jar: CookieJar): string | null =>
  parseBrowserNonce(jar.get(signInBrowserCookie())?.value);

/** What the code's record keeps of the nonce (never the nonce itself). */
export const browserHash = (nonce: string): string => createHash("sha256").update(nonce).digest("base64url");

/** Runs Auth.js' work for a request made from the browser holding `nonce` (null: none). */
export function withSignInBrowser<T>(nonce: string | null, work: () => Promise<T>): Promise<T> {
  return context.run({ nonce }, work);
}

/** The nonce of the browser Auth.js is working for, or null (outside a sign-in request, or none). */
export function currentBrowserNonce(): string | null {
  return context.getStore()?.nonce ?? null;
}

/** The nonce cookie: as long as a code lives, for the whole site (the sign-in page reads it too). */
export const browserCookieOptions = (maxAgeSeconds: number) => siteCookieOptions(maxAgeSeconds);

/** The nonce cookie as a Set-Cookie header value (for responses Auth.js built). */
export function browserCookieHeader(nonce: string, maxAgeSeconds: number): string {
  const secure = secureCookies() ? "; Secure" : "";
  return `${signInBrowserCookie()}=${nonce}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure}`;
}
