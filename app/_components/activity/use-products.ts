"use client";

import { useEffect, useState } from "react";
import type { ProductSummary } from "@/lib/catalog/types";

/**
 * Products a route answers as `{ products }`, fetched once the page has loaded (and `url` is given); null
 * until then, and for good when the route fails (the row is left out: these rows are extras, never errors).
 */
export function useProducts(url: string | null): ProductSummary[] | null {
  const [products, setProducts] = useState<ProductSummary[] | null>(null);
  useEffect(() => {
    if (url === null) return;
    let current = true;
    fetch(url)
      .then((response) => (response.ok ? (response.json() as Promise<{ products: ProductSummary[] }>) : null))
      .then((answer) => {
        if (current && answer) setProducts(answer.products);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [url]);
  return products;
}
