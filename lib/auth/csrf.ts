import { createHash } from "node:crypto";
import { env } from "../env";
import { equalSecrets } from "../equal-secrets";
import { secureCookies } from "../http/cookies";
import type { CookieJar } from "./current-user";

/**
 * Auth.js' CSRF check, made before Brisk counts a request against a limit: its cookie holds
 * `<token>|sha256(<token><AUTH_SECRET>)`, and a POST must carry the same token in its body. (Auth.js checks
 * it again; this only decides whether the request may count.)
 */

export const csrfCookieName = () => (secureCookies() ? "__Host-authjs.csrf-token" : "authjs.csrf-token");

const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

export function passesCsrfCheck(cookies: CookieJar, bodyToken: string): boolean {
  const [token, hash] = (cookies.get(csrfCookieName())?.value ?? "").split("|");
  if (!token || !hash || !env.AUTH_SECRET) return false;
  return equalSecrets(hash, sha256Hex(`${token}${env.AUTH_SECRET}`)) && equalSecrets(token, bodyToken);
}
