import type { Metadata } from "next";
import { env } from "@/lib/env";

/** The shop's name, its one public origin (AUTH_URL) and what pages that must not be indexed say. */

export const SITE_NAME = "Brisk";
export const SITE_DESCRIPTION = "Well-made everyday things: clothes, bags and things for the home, shipped briskly.";

/** An absolute URL on the public origin (canonical links, sitemaps, structured data). */
export const siteUrl = (path = "/"): string => new URL(path, env.AUTH_URL).toString();

/** The share image of pages without one of their own (public/og-default.png). */
export const DEFAULT_SHARE_IMAGE = { url: "/og-default.png", width: 1200, height: 630, alt: SITE_NAME };

/** Per-shopper or transient pages: never in a search engine's index. */
export const NOT_INDEXED: Metadata["robots"] = { index: false, follow: false };

/** The canonical URL of a listing: only what changes its content (a category filter, a page past the first). */
export function listingCanonical(path: string, params: { category?: string; page?: number }): string {
  const search = new URLSearchParams();
  if (params.category) search.set("category", params.category);
  if (params.page && params.page > 1) search.set("page", String(params.page));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
