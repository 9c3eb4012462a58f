import { NextRequest, NextResponse } from "next/server";
import { env } from "../env";
import { readBodyBytes, tooLarge } from "../http/body";
import { jsonError } from "../http/errors";
import { CODE_LIFETIME_MS } from "./code-store";
import { passesCsrfCheck } from "./csrf";
import { OUT_OF_DATE, readSignInForm, signInRequestFor } from "./sign-in-form";
import { admitSignInRequest } from "./sign-in-request";
import {
  browserCookieHeader,
  LINK_NONCE_PARAM,
  newBrowserNonce,
  browserNonceOf,
  withSignInBrowser,
} from "./sign-in-browser";

/**
 * What Brisk checks before Auth.js acts on a request under /api/auth:
 * - every POST body is limited before anything parses it (AUTH_BODY_BYTES: a 200 MB form is a 413 at once);
 * - a request for a sign-in mail is read once (lib/auth/sign-in-form.ts), must pass Auth.js' CSRF check
 *   before it counts against a limit, and runs Auth.js as the asking browser (its nonce cookie);
 * - a magic link opened in a browser other than the one that asked is sent to /signin/confirm, which asks
 *   before signing that browser in; codes are only accepted from their own browser (the adapter checks).
 */

type Handler = (request: NextRequest) => Promise<Response>;

export const AUTH_BODY_BYTES = 8 * 1024;
const COOKIE_SECONDS = CODE_LIFETIME_MS / 1000;

async function requestCode(request: NextRequest, post: Handler): Promise<Response> {
  const read = await readSignInForm(request);
  if (!read.ok) return jsonError(read.code, read.message);
  if (!passesCsrfCheck(request.cookies, read.form.csrfToken)) {
    return jsonError(OUT_OF_DATE.code, OUT_OF_DATE.message);
  }
  const admission = await admitSignInRequest(read.form.email, request.headers);
  if (!admission.ok) {
    const headers = admission.retryAfterSeconds ? { "Retry-After": String(admission.retryAfterSeconds) } : undefined;
    return jsonError(admission.code, admission.message, { headers });
  }
  const nonce = browserNonceOf(request.cookies) ?? newBrowserNonce();
  const rebuilt = new NextRequest(signInRequestFor(request, { ...read.form, email: admission.email }));
  const response = await withSignInBrowser(nonce, () => post(rebuilt));
  // Auth.js' response may have immutable headers (a redirect): answer a copy that sets the nonce cookie.
  const headers = new Headers(response.headers);
  headers.append("Set-Cookie", browserCookieHeader(nonce, COOKIE_SECONDS));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export async function guardAuthPost(request: NextRequest, post: Handler): Promise<Response> {
  if (request.nextUrl.pathname.endsWith("/signin/email")) return requestCode(request, post);
  const body = await readBodyBytes(request, AUTH_BODY_BYTES);
  if (body === null) return tooLarge(AUTH_BODY_BYTES);
  return post(new NextRequest(request.url, { method: "POST", headers: request.headers, body: new Uint8Array(body) }));
}

export async function guardAuthGet(request: NextRequest, get: Handler): Promise<Response> {
  const nonce = browserNonceOf(request.cookies);
  const { pathname, searchParams } = request.nextUrl;
  const linkNonce = searchParams.get(LINK_NONCE_PARAM);
  if (pathname.endsWith("/callback/email") && linkNonce !== null && linkNonce !== nonce) {
    // A magic link opened in another browser: never sign it in (or merge its cart) without asking.
    const confirm = new URL("/signin/confirm", env.AUTH_URL);
    confirm.search = searchParams.toString();
    return NextResponse.redirect(confirm, 303);
  }
  return withSignInBrowser(nonce, () => get(request));
}
