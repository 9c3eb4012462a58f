import { NextResponse, type NextRequest } from "next/server";
import { refreshedSessionCookieOptions, sessionCookieName } from "@/lib/auth/cookies";
import { withErrorBoundary } from "@/lib/http/route";
import { currentShopper } from "@/lib/shop/shopper";

export const dynamic = "force-dynamic";

/**
 * GET /api/shopper: what the header shows of the shopper, `{ account, cartCount }` (lib/shop/shopper.ts):
 * `account` is `{ name }`, null (signed out) or "unavailable"; `cartCount` null when Redis cannot say.
 * Pages are cached for everyone and carry none of this; the header asks here (app/_components/shopper.tsx).
 *
 * A signed-in shopper's session cookie is sent again with a fresh 30-day lifetime, as the proxy does on
 * pages rendered per request: pages from the route cache never carry a cookie (a shared cache in front of
 * the store must never keep one shopper's Set-Cookie for another), so a shopper who only browses the
 * catalog keeps their cookie alive here.
 */
export const GET = withErrorBoundary("api/shopper", async (request: NextRequest) => {
  const shopper = await currentShopper();
  const response = NextResponse.json(shopper, { headers: { "Cache-Control": "private, no-store" } });
  const cookie = request.cookies.get(sessionCookieName());
  if (cookie && shopper.account && shopper.account !== "unavailable") {
    response.cookies.set(cookie.name, cookie.value, refreshedSessionCookieOptions());
  }
  return response;
});
