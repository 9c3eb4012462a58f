"use client";

import { useShopper } from "../shopper";
import { ProductRow } from "./product-row";

/**
 * A product page's "Recently viewed" row. The page is the same for everyone (route cache): the header's
 * question about the shopper records the view once the page has loaded, and answers the shopper's other
 * recent products (app/_components/shopper.tsx).
 */
export function RecentlyViewed() {
  const { recentlyViewed } = useShopper();
  if (!recentlyViewed || recentlyViewed.length === 0) return null;
  return <ProductRow id="recently-viewed-heading" title="Recently viewed" products={recentlyViewed} />;
}
