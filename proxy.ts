import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieName } from "./lib/auth/cookies";

/**
 * Signed out, `/account*` answers an HTTP redirect to /signin (a real 3xx, not a streamed meta refresh:
 * DESIGN.md). Only the cookie's absence is checked here, no Redis: a cookie whose session is gone is
 * sent to /signin by the page itself.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(sessionCookieName())) return NextResponse.next();
  const signIn = new URL("/signin", request.nextUrl);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ["/account", "/account/:path*"] };
