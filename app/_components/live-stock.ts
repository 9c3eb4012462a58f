"use client";

import { useEffect, useMemo, useState } from "react";
import type { ProductDetail } from "@/lib/catalog/types";
import { withStockLevels } from "@/lib/catalog/variants";

/** How often a page that could not open a live stream asks for the stock instead. */
const POLL_MS = 30_000;

/**
 * The product with its stock kept live while the page is open: the page comes from the route cache with
 * the stock of when it was rendered; `GET /api/stock/<id>` (Server-Sent Events) sends the levels now, then
 * every change (a checkout, a restock) on any instance. EventSource reconnects by itself and gets a fresh
 * read first. A server that turns the stream away (too many open) leaves the page polling the product.
 */
export function useLiveStock(product: ProductDetail): ProductDetail {
  const [levels, setLevels] = useState<Map<number, number> | null>(null);
  const { id, slug } = product;
  useEffect(() => {
    let poll: ReturnType<typeof setInterval> | undefined;
    const source = new EventSource(`/api/stock/${id}`);
    source.addEventListener("stock", (event) => {
      const { variants } = JSON.parse((event as MessageEvent<string>).data) as { variants: [number, number][] };
      setLevels(new Map(variants));
    });
    const refresh = async () => {
      const response = await fetch(`/api/products/${slug}`, { cache: "no-store" }).catch(() => null);
      if (!response?.ok) return;
      const answer = (await response.json()) as { product: ProductDetail };
      setLevels(new Map(answer.product.variants.map((variant) => [variant.id, variant.stock])));
    };
    // CLOSED after an error: the server refused the stream (it reconnects by itself after a drop).
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED && poll === undefined) poll = setInterval(refresh, POLL_MS);
    };
    return () => {
      source.close();
      clearInterval(poll);
    };
  }, [id, slug]);
  return useMemo(() => (levels ? withStockLevels(product, levels) : product), [product, levels]);
}
