import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { parseJsonBody } from "@/lib/http/body";
import { clientIp } from "@/lib/http/client-ip";
import { jsonError, unavailable } from "@/lib/http/errors";
import { refuseCrossOrigin } from "@/lib/http/origin";
import { withErrorBoundary } from "@/lib/http/route";
import { StateUnavailableError } from "@/lib/redis/state";
import { askForRestockAlert } from "@/lib/shop/stock-alerts";

export const dynamic = "force-dynamic";

const alertSchema = z
  .object({ variantId: z.number().int().positive().max(2_147_483_647), email: z.string().max(254).optional() })
  .strict();

/**
 * POST /api/stock-alerts `{ variantId, email? }`: one mail when the sold-out variant is back in stock (to a
 * signed-in shopper's own address; a guest gives one). 200 `{ subscribed: true }`, the same whether or not
 * the address had asked before; 400 bad input, 404 no such variant for sale, 409 `in_stock`, 429 past the
 * limits, 503 while Redis is unavailable.
 */
export const POST = withErrorBoundary("api/stock-alerts", async (request: NextRequest) => {
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  const body = await parseJsonBody(request, alertSchema);
  if (!body.ok) return body.response;
  try {
    const outcome = await askForRestockAlert(
      request.cookies,
      { ip: clientIp(request.headers) },
      body.data.variantId,
      body.data.email,
    );
    switch (outcome.kind) {
      case "subscribed":
        return NextResponse.json({ subscribed: true }, { headers: { "Cache-Control": "no-store" } });
      case "invalid_email":
        return jsonError("invalid_input", outcome.message);
      case "rate_limited":
        return jsonError("rate_limited", "Too many alerts asked for; try again later.", {
          headers: { "Retry-After": String(outcome.retryAfterSeconds) },
        });
      case "in_stock":
        return jsonError("in_stock", "It is in stock: add it to your cart.");
      case "not_found":
        return jsonError("not_found", "No such variant for sale.");
    }
  } catch (error) {
    if (error instanceof StateUnavailableError) return unavailable("Alerts are briefly unavailable.");
    throw error;
  }
});
