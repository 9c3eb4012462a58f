import { NextResponse } from "next/server";
import { withErrorBoundary } from "@/lib/http/route";
import { currentShopper } from "@/lib/shop/shopper";

export const dynamic = "force-dynamic";

/**
 * GET /api/shopper: what the header shows of the shopper, `{ account, cartCount }` (lib/shop/shopper.ts):
 * `account` is `{ name }`, null (signed out) or "unavailable"; `cartCount` null when Redis cannot say.
 * Pages are cached for everyone and carry none of this; the header asks here (app/_components/shopper.tsx).
 */
export const GET = withErrorBoundary("api/shopper", async () =>
  NextResponse.json(await currentShopper(), { headers: { "Cache-Control": "private, no-store" } }),
);
