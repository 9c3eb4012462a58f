import { NextResponse, type NextRequest } from "next/server";
import { SESSION_MAX_AGE_SECONDS, sessionCookieName, sessionCookieOptions } from "./lib/auth/cookies";
import { jsonError } from "./lib/http/errors";
import { isMalformedPath } from "./lib/http/malformed-path";

/**
 * A path with a malformed percent-encoding (`/products/%`) would make Next.js fail with a bare 500 before
 * any page or route handler runs (lib/http/malformed-path.ts): under /api it is a 400 `invalid_input` in
 * the JSON error shape, elsewhere the site's 404 page. This runs on every page, and on /api and /media
 * paths only when they contain a `%` (see `config`); those are otherwise left alone.
 *
 * Pages, and no Redis here (it runs before every page; see docs/architecture.md):
 * - Signed out, `/account*` answers an HTTP redirect to /signin (a real 3xx, not a streamed meta refresh).
 *   Only the cookie's absence is checked; a cookie whose session is gone is sent to /signin by the page.
 * - A session cookie is sent again with a fresh 30-day lifetime, as the session's own expiry slides in
 *   Redis when pages read it (lib/auth/current-user.ts), so an active shopper's cookie never runs out first.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isMalformedPath(pathname)) {
    if (pathname === "/api" || pathname.startsWith("/api/"))
      return jsonError("invalid_input", "The path is not a valid URL (malformed percent-encoding).");
    // No page has this path: render the not-found page (404), whatever the path would have matched.
    return NextResponse.rewrite(new URL(MALFORMED_PAGE, request.url));
  }
  if (pathname.startsWith("/api/") || pathname.startsWith("/media/")) return NextResponse.next();
  const cookie = request.cookies.get(sessionCookieName());
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

/** A path no page or route serves, so rendering it renders app/not-found.tsx. */
const MALFORMED_PAGE = "/_not-found";

// Every page; not route handlers (Auth.js sets its own cookies there), assets, images or media, except
// their paths with a `%` (matched on the raw path), which may be malformed.
export const config = { matcher: ["/((?!api/|_next/|media/|favicon.ico).*)", "/(api|media)/(.*%.*)"] };
