"use client";

import { ProductRow } from "./product-row";
import { useProducts } from "./use-products";

/** The home page's "Trending now" row, the same for everyone, loaded by the browser (kept a minute). */
export function TrendingRow() {
  const products = useProducts("/api/trending");
  if (!products || products.length === 0) return null;
  return <ProductRow id="trending-heading" title="Trending now" products={products} />;
}
