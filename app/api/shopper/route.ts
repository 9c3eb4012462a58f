import { NextResponse, type NextRequest } from "next/server";
import { VISITOR_COOKIE, visitorCookieOptions } from "@/lib/activity/visitor";
import { refreshedSessionCookieOptions, sessionCookieName } from "@/lib/auth/cookies";
import { isSlug } from "@/lib/catalog/slug";
import { jsonError } from "@/lib/http/errors";
import { clientIp } from "@/lib/http/client-ip";
import { refuseCrossOrigin } from "@/lib/http/origin";
import { withErrorBoundary } from "@/lib/http/route";
import { currentShopper, type Shopper } from "@/lib/shop/shopper";

export const dynamic = "force-dynamic";

/**
 * GET /api/shopper: what the header shows of the shopper, `{ account, cartCount }` (lib/shop/shopper.ts):
 * `account` is `{ name }`, null (signed out) or "unavailable"; `cartCount` null when Redis cannot say.
 * Pages are cached for everyone and carry none of this; the header asks here (app/_components/shopper.tsx).
 *
 * POST /api/shopper?viewing=<product slug>: the same question from a product page, which also records the
 * view (recently viewed, trending) and answers `recentlyViewed`, the shopper's other recently viewed
 * products (null when the view was not recorded). A browser without a visitor cookie gets one. The slug is
 * in the address, not a body: measured with wrk on one instance, reading a JSON body cost this request,
 * made on every product page view, more than recording the view did; a body, if any, is not read.
 *
 * A signed-in shopper's session cookie is sent again with a fresh 30-day lifetime, as the proxy does on
 * pages rendered per request: pages from the route cache never carry a cookie (a shared cache in front of
 * the store must never keep one shopper's Set-Cookie for another), so a shopper who only browses the
 * catalog keeps their cookie alive here.
 */
export const GET = withErrorBoundary("api/shopper", async (request: NextRequest) => {
  return answer(request, await currentShopper(request.cookies));
});

export const POST = withErrorBoundary("api/shopper", async (request: NextRequest) => {
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  const viewing = request.nextUrl.searchParams.get("viewing");
  if (viewing === null || !isSlug(viewing)) {
    return jsonError("invalid_input", "viewing: the product's slug is required, as a query parameter.");
  }
  const view = {
    slug: viewing,
    userAgent: request.headers.get("user-agent"),
    ip: clientIp(request.headers),
  };
  return answer(request, await currentShopper(request.cookies, view));
});

function answer(request: NextRequest, { shopper, visitorId }: { shopper: Shopper; visitorId?: string }) {
  const response = NextResponse.json(shopper, { headers: { "Cache-Control": "private, no-store" } });
  const cookie = request.cookies.get(sessionCookieName());
  if (cookie && shopper.account && shopper.account !== "unavailable") {
    response.cookies.set(cookie.name, cookie.value, refreshedSessionCookieOptions());
  }
  if (visitorId) response.cookies.set(VISITOR_COOKIE, visitorId, visitorCookieOptions());
  return response;
}
