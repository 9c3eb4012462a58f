"use client";

import { useShopper } from "../shopper";
import { ProductRow } from "./product-row";
import { useNearViewport } from "./use-near-viewport";
import { useProducts } from "./use-products";

/**
 * A product page's "Recently viewed" row. The page is the same for everyone (route cache): the header's
 * question about the shopper records the view once the page has loaded and answers the ids of the
 * shopper's other recent products (app/_components/shopper.tsx). Their summaries are asked for only when
 * the row comes near the viewport, from a route whose answer is the same for everyone.
 */
export function RecentlyViewed() {
  const ids = useShopper().recentlyViewed;
  const [near, ref] = useNearViewport<HTMLDivElement>();
  const wanted = ids && ids.length > 0 && near ? `/api/product-summaries?ids=${ids.join(",")}` : null;
  const products = useProducts(wanted);
  if (!ids || ids.length === 0) return null;
  return (
    <div ref={ref} data-testid="recently-viewed">
      {products && products.length > 0 && (
        <ProductRow id="recently-viewed-heading" title="Recently viewed" products={products} />
      )}
    </div>
  );
}
