import { trendingIds } from "../activity/trending";
import { getActiveSummaries } from "../catalog/queries";
import type { ProductSummary } from "../catalog/types";

/** How many products the "Trending now" row shows. */
export const TRENDING_ROW = 8;
/** How many of the ranking the row looks at: more than it shows, as some may be archived by now. */
const ROW_CANDIDATES = 16;

/** The trending products still for sale, highest score first. */
export async function trendingProducts(): Promise<ProductSummary[]> {
  const ids = (await trendingIds()).slice(0, ROW_CANDIDATES);
  return (await getActiveSummaries(ids)).slice(0, TRENDING_ROW);
}
