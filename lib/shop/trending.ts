import { trendingIds } from "../activity/trending";
import { getActiveSummaries } from "../catalog/queries";
import type { ProductSummary } from "../catalog/types";

/** How many products the "Trending now" row shows. */
export const TRENDING_ROW = 8;

/** The trending products still for sale, highest score first. */
export async function trendingProducts(): Promise<ProductSummary[]> {
  return (await getActiveSummaries(await trendingIds())).slice(0, TRENDING_ROW);
}
