import { NextResponse, type NextRequest } from "next/server";
import { SESSION_MAX_AGE_SECONDS, sessionCookieName, sessionCookieOptions } from "./lib/auth/cookies";

/**
 * Pages only, and no Redis here (it runs before every page; see docs/architecture.md):
 * - Signed out, `/account*` answers an HTTP redirect to /signin (a real 3xx, not a streamed meta refresh).
 *   Only the cookie's absence is checked; a cookie whose session is gone is sent to /signin by the page.
 * - A session cookie is sent again with a fresh 30-day lifetime, as the session's own expiry slides in
 *   Redis when pages read it (lib/auth/current-user.ts), so an active shopper's cookie never runs out first.
 */
export function proxy(request: NextRequest) {
  const cookie = request.cookies.get(sessionCookieName());
  const { pathname, search } = request.nextUrl;
  if (!cookie && (pathname === "/account" || pathname.startsWith("/account/"))) {
    const signIn = new URL("/signin", request.nextUrl);
    signIn.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(signIn);
  }
  const response = NextResponse.next();
  // GETs only: a POST may be a server action that signs out, and must not get the cookie back.
  if (cookie && request.method === "GET")
    response.cookies.set(cookie.name, cookie.value, { ...sessionCookieOptions(), maxAge: SESSION_MAX_AGE_SECONDS });
  return response;
}

// Every page; not route handlers (Auth.js sets its own cookies there), assets, images or media.
export const config = { matcher: ["/((?!api/|_next/|media/|favicon.ico).*)"] };
