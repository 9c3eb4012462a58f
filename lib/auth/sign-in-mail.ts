import { env } from "../env";
import { escapeHtml } from "../mail/escape-html";
import { LINK_NONCE_PARAM } from "./sign-in-browser";

/**
 * The sign-in mail: the 6-digit code and a magic link, in one message. The link is built on AUTH_URL, never
 * on the request's Host header (a forged Host must not send a shopper's code to another site).
 */

/**
 * Auth.js' callback URL rebuilt on AUTH_URL, carrying the asking browser's nonce: opened in that browser it
 * signs in at once; anywhere else it asks first (lib/auth/route-guards.ts).
 */
export function signInLink(authUrl: string, browserNonce: string | null): string {
  const given = new URL(authUrl);
  const link = new URL(given.pathname + given.search, env.AUTH_URL);
  if (browserNonce) link.searchParams.set(LINK_NONCE_PARAM, browserNonce);
  return link.toString();
}

export function signInMail(to: string, code: string, link: string) {
  const subject = `Your Brisk sign-in code: ${code}`;
  const text = [
    `Your sign-in code is ${code}. It works once, for 10 minutes.`,
    "",
    `Or open this link to sign in: ${link}`,
    "",
    "If you did not ask to sign in to Brisk, ignore this mail.",
  ].join("\n");
  const html = `<p>Your sign-in code is <strong style="font-size:1.4em;letter-spacing:.2em">${code}</strong>.
It works once, for 10 minutes.</p>
<p><a href="${escapeHtml(link)}">Sign in to Brisk</a></p>
<p>If you did not ask to sign in to Brisk, ignore this mail.</p>`;
  return { to, subject, text, html };
}
