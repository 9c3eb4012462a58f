import { NextResponse, type NextRequest } from "next/server";
import { parseListingQuery } from "@/lib/catalog/listing-query";
import { listShopProducts } from "@/lib/shop/listing";
import { invalidInput } from "@/lib/http/errors";
import { withErrorBoundary } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET /api/products?q=&category=&sort=&page=&pageSize=: one page of active products. */
export const GET = withErrorBoundary("api/products", async (request: NextRequest) => {
  const query = parseListingQuery(request.nextUrl.searchParams);
  if (!query.success) return invalidInput(query.error);
  const listing = await listShopProducts(query.data);
  return NextResponse.json(listing, { headers: { "Cache-Control": "no-store" } });
});
