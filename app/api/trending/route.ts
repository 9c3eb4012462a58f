import { NextResponse } from "next/server";
import { unavailable } from "@/lib/http/errors";
import { withErrorBoundary } from "@/lib/http/route";
import { StateUnavailableError } from "@/lib/redis/state";
import { trendingProducts } from "@/lib/shop/trending";

export const dynamic = "force-dynamic";

/**
 * GET /api/trending: `{ products }`, the home page's "Trending now" row, the same for everyone: a browser
 * or shared cache may keep it for a minute (the server reads it from Redis at most about once a minute).
 * 503 while Redis is unavailable and nothing recent is cached (the home page shows no row).
 */
export const GET = withErrorBoundary("api/trending", async () => {
  try {
    const products = await trendingProducts();
    return NextResponse.json({ products }, { headers: { "Cache-Control": "public, max-age=60" } });
  } catch (error) {
    if (error instanceof StateUnavailableError) return unavailable("Trending products are briefly unavailable.");
    throw error;
  }
});
