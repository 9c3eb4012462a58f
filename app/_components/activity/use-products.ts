"use client";

import { useEffect, useState } from "react";
import type { ProductSummary } from "@/lib/catalog/types";

/**
 * Products a route answers as `{ products }`, fetched once the page has loaded; null until then, and for
 * good when the route fails (the row is left out: these rows are extras, never errors).
 */
export function useProducts(url: string, init?: { method: "POST"; body: string }): ProductSummary[] | null {
  const [products, setProducts] = useState<ProductSummary[] | null>(null);
  const method = init?.method;
  const body = init?.body;
  useEffect(() => {
    let current = true;
    const headers = body === undefined ? undefined : { "Content-Type": "application/json" };
    fetch(url, { method: method ?? "GET", body, headers })
      .then((response) => (response.ok ? (response.json() as Promise<{ products: ProductSummary[] }>) : null))
      .then((answer) => {
        if (current && answer) setProducts(answer.products);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [url, method, body]);
  return products;
}
