import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { VISITOR_COOKIE, visitorCookieOptions } from "@/lib/activity/visitor";
import { parseJsonBody } from "@/lib/http/body";
import { clientIp } from "@/lib/http/client-ip";
import { jsonError, unavailable } from "@/lib/http/errors";
import { refuseCrossOrigin } from "@/lib/http/origin";
import { withErrorBoundary } from "@/lib/http/route";
import { StateUnavailableError } from "@/lib/redis/state";
import { recordProductView } from "@/lib/shop/viewed";

export const dynamic = "force-dynamic";

const viewSchema = z.object({ productId: z.number().int().positive().max(2_147_483_647) }).strict();

/**
 * POST /api/activity/views `{ productId }`: the product page (served the same to everyone from the route
 * cache) tells the server its shopper viewed the product, after it loaded. Answers `{ products }`, the
 * shopper's other recently viewed products (a bot's view is not recorded: none); a browser without a
 * visitor cookie gets one. 404 for a product not for sale; 429 past an address's 120 views a minute (when
 * addresses are known); 503 while Redis is unavailable (the page leaves the row out).
 */
export const POST = withErrorBoundary("api/activity/views", async (request: NextRequest) => {
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  const body = await parseJsonBody(request, viewSchema);
  if (!body.ok) return body.response;
  try {
    const recorded = await recordProductView(
      request.cookies,
      { userAgent: request.headers.get("user-agent"), ip: clientIp(request.headers) },
      body.data.productId,
    );
    if (recorded.kind === "not_found") return jsonError("not_found", "No such product.");
    if (recorded.kind === "rate_limited") {
      return jsonError("rate_limited", "Too many views from this address; try again shortly.", {
        headers: { "Retry-After": String(recorded.retryAfterSeconds) },
      });
    }
    const response = NextResponse.json(
      { products: recorded.products },
      { headers: { "Cache-Control": "private, no-store" } },
    );
    if (recorded.visitorId) response.cookies.set(VISITOR_COOKIE, recorded.visitorId, visitorCookieOptions());
    return response;
  } catch (error) {
    if (error instanceof StateUnavailableError) return unavailable("Recently viewed products are briefly unavailable.");
    throw error;
  }
});
