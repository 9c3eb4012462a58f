import { NextResponse, type NextRequest } from "next/server";
import { SESSION_MAX_AGE_SECONDS, sessionCookieName, sessionCookieOptions } from "./lib/auth/cookies";
import { newNonce, pageCsp } from "./lib/http/security-headers";

/**
 * Pages only, and no Redis here (it runs before every page; see docs/architecture.md):
 * - Every page gets its Content-Security-Policy with a nonce of its own (lib/http/security-headers.ts). The
 *   policy goes on the request too: Next.js reads the nonce there and sets it on the scripts it renders.
 *   The other security headers come from next.config.ts, on every response.
 * - Signed out, `/account*` answers an HTTP redirect to /signin (a real 3xx, not a streamed meta refresh).
 *   Only the cookie's absence is checked; a cookie whose session is gone is sent to /signin by the page.
 * - A session cookie is sent again with a fresh 30-day lifetime, as the session's own expiry slides in
 *   Redis when pages read it (lib/auth/current-user.ts), so an active shopper's cookie never runs out first.
 */
export function proxy(request: NextRequest) {
  const csp = pageCsp(newNonce(), { dev: process.env.NODE_ENV === "development" });
  const cookie = request.cookies.get(sessionCookieName());
  const { pathname, search } = request.nextUrl;
  if (!cookie && (pathname === "/account" || pathname.startsWith("/account/"))) {
    const signIn = new URL("/signin", request.nextUrl);
    signIn.searchParams.set("callbackUrl", pathname + search);
    const redirect = NextResponse.redirect(signIn);
    redirect.headers.set("Content-Security-Policy", csp);
    return redirect;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // GETs only: a POST may be a server action that signs out, and must not get the cookie back.
  if (cookie && request.method === "GET")
    response.cookies.set(cookie.name, cookie.value, { ...sessionCookieOptions(), maxAge: SESSION_MAX_AGE_SECONDS });
  return response;
}

// Every page; not route handlers (Auth.js sets its own cookies there), assets, images or media. The complement
// of NON_PAGE_SOURCES in lib/http/security-headers.ts, which next.config.ts gives the resource CSP.
export const config = { matcher: ["/((?!api/|_next/|media/|favicon.ico).*)"] };
