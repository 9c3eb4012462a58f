"use client";

import { ProductRow } from "./product-row";
import { useProducts } from "./use-products";

/**
 * A product page's "Recently viewed" row. The page is the same for everyone (route cache), so the browser
 * records the view once the page has loaded and gets the shopper's other recent products in the answer.
 */
export function RecentlyViewed({ productId }: { productId: number }) {
  const products = useProducts("/api/activity/views", { method: "POST", body: JSON.stringify({ productId }) });
  if (!products || products.length === 0) return null;
  return <ProductRow id="recently-viewed-heading" title="Recently viewed" products={products} />;
}
