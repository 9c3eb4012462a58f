import { createHash } from "node:crypto";
import { cache, type CacheStatus } from "../cache";
import { cacheNames, cacheTags } from "../redis/keys";
import type { ListingQuery } from "./listing-query";
import { loadCategories, loadFeatured, loadListing, loadProductBySlug, loadRelated } from "./load";
import type { Category, Listing, ProductDetail, ProductSummary } from "./types";

/**
 * The catalog's reads, every one through lib/cache. What each caches, first:
 *
 * | read              | key                     | tags                 | ttl        |
 * | product by slug   | product:<slug>          | product:<id>         | 5 min      |
 * | unknown slug      | product:<slug>          | listings             | 30 s       |
 * | a listing page    | listing:<hash of query> | listings             | 1 min      |
 * | categories        | categories              | listings             | 10 min     |
 * | featured          | featured                | listings             | 5 min      |
 * | related products  | related:<productId>     | listings             | 5 min      |
 *
 * A catalog write invalidates `product:<id>` and `listings` after it commits (DESIGN.md).
 */

const PRODUCT_TTL = 300;
const MISSING_PRODUCT_TTL = 30;
const LISTING_TTL = 60;
const CATEGORIES_TTL = 600;
const FEATURED_COUNT = 8;
const RELATED_COUNT = 4;

/** A product with how it was obtained (the API reports it as X-Cache); archived products included. */
export async function getProductBySlugWithStatus(
  slug: string,
): Promise<{ product: ProductDetail | null; status: CacheStatus }> {
  const { value, status } = await cache.getOrSet({
    key: cacheNames.product(slug),
    // "Not found" is cached briefly; any catalog write (it invalidates `listings`) clears it.
    ttl: PRODUCT_TTL,
    missingTtl: MISSING_PRODUCT_TTL,
    tags: (product: ProductDetail | null) => (product ? [cacheTags.product(product.id)] : [cacheTags.listings]),
    load: () => loadProductBySlug(slug),
  });
  return { product: value, status };
}

/** An active product, or null (unknown or archived). */
export async function getProductBySlug(slug: string): Promise<ProductDetail | null> {
  const { product } = await getProductBySlugWithStatus(slug);
  return product?.status === "active" ? product : null;
}

export async function listProducts(query: ListingQuery): Promise<Listing> {
  const normalized = JSON.stringify([
    query.q ?? "",
    query.category ?? "",
    query.sort ?? "",
    query.page,
    query.pageSize,
  ]);
  const hash = createHash("sha256").update(normalized).digest("base64url").slice(0, 22);
  const { value } = await cache.getOrSet({
    key: cacheNames.listing(hash),
    ttl: LISTING_TTL,
    tags: [cacheTags.listings],
    load: () => loadListing(query),
  });
  return value;
}

export async function listCategories(): Promise<Category[]> {
  const { value } = await cache.getOrSet({
    key: cacheNames.categories(),
    ttl: CATEGORIES_TTL,
    tags: [cacheTags.listings],
    load: loadCategories,
  });
  return value;
}

export async function getCategoryBySlug(slug: string): Promise<Category | null> {
  return (await listCategories()).find((category) => category.slug === slug) ?? null;
}

export async function getFeaturedProducts(): Promise<ProductSummary[]> {
  const { value } = await cache.getOrSet({
    key: cacheNames.featured(),
    ttl: PRODUCT_TTL,
    tags: [cacheTags.listings],
    load: () => loadFeatured(FEATURED_COUNT),
  });
  return value;
}

export async function getRelatedProducts(productId: number): Promise<ProductSummary[]> {
  const { value } = await cache.getOrSet({
    key: cacheNames.related(productId),
    ttl: PRODUCT_TTL,
    tags: [cacheTags.listings],
    load: () => loadRelated(productId, RELATED_COUNT),
  });
  return value;
}
