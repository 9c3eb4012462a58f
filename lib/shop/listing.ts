import { TRENDING_READ_TTL_SECONDS, trendingIds } from "../activity/trending";
import type { ListingQuery } from "../catalog/listing-query";
import { listProducts } from "../catalog/queries";
import type { Listing } from "../catalog/types";
import { limitRenderedPageLife } from "../page-cache/page-tags";

/**
 * A page of a product listing as the store shows it: the catalog's listing, which for `sort=trending` is
 * ordered by the trending ranking (lib/activity/trending.ts, read about once a minute). That order changes
 * without any catalog write to invalidate it, so a page showing it is kept only as long as the ranking
 * (a minute) in the route cache. While the ranking cannot be read (Redis down), the listing is newest first.
 */
export async function listShopProducts(query: ListingQuery): Promise<Listing> {
  if (query.sort !== "trending") return listProducts(query);
  limitRenderedPageLife(TRENDING_READ_TTL_SECONDS);
  const ranking = await trendingIds().catch((error: Error) => {
    console.warn(`[brisk] trending order unavailable, listing newest first: ${error.message}`);
    return [];
  });
  return listProducts(query, ranking);
}
