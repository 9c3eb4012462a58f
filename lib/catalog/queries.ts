import { createHash } from "node:crypto";
import { cache, type CacheStatus, type Cached, type GetOrSetOptions } from "../cache";
import { tagRenderedPage } from "../page-cache/page-tags";
import { cacheNames, cacheTags } from "./cache-keys";
import type { ListingQuery } from "./listing-query";
import { isForSale } from "./variants";
import {
  loadActiveSummary,
  loadCategories,
  loadFeatured,
  loadListing,
  loadProductBySlug,
  loadRelated,
  loadVariant,
} from "./load";
import type { Category, Listing, ProductDetail, ProductSummary, VariantWithProduct } from "./types";

/**
 * The catalog's reads, every one through lib/cache. What each caches, first (seconds):
 *
 * | read              | key                     | tags          | ttl  | grace  | not found          |
 * | product by slug   | product:<slug>          | product:<id>  | 3600 | 86400  | 30 s, tag listings |
 * | variant by id     | variant:<id>            | product:<id>  | 3600 | 86400  | 30 s, tag listings |
 * | product summary   | summary:<id>            | product:<id>  | 3600 | 86400  | 30 s, + listings   |
 * | a listing page    | listing:<hash of query> | listings      |  600 |  3600  |                    |
 * | categories        | categories              | listings      | 3600 | 86400  |                    |
 * | featured          | featured                | listings      | 3600 | 86400  |                    |
 * | related products  | related:<productId>     | listings      | 3600 | 86400  |                    |
 *
 * Freshness comes from invalidation, not from TTLs: every catalog write invalidates `product:<id>` and
 * `listings` after it commits (lib/catalog/mutations.ts), so the TTL is a safety net for writes made
 * around the app, long enough that a steady catalog is all hits. Within grace a stale entry is served
 * while one caller refreshes it, waiting at most `timeout` ms (so a PostgreSQL outage serves the catalog
 * as it was for up to a day); a load slower than `hardTimeout` fails the request (503) instead of holding it.
 *
 * A page rendered for the route cache is tagged with the tags of every read it made (lib/page-cache): the
 * same invalidation drops the data and the pages that show it.
 */

const PRODUCT = { ttl: 3600, grace: 86_400, missingTtl: 30 };
const LISTING = { ttl: 600, grace: 3600 };
const TRENDING_LISTING = { ttl: 60, grace: 0 };
const CATEGORIES = { ttl: 3600, grace: 86_400 };
const NEARBY = { ttl: 3600, grace: 86_400 };
const TIMEOUTS = { timeout: 150, hardTimeout: 5_000 };
const FEATURED_COUNT = 8;
const RELATED_COUNT = 4;

/** lib/cache's getOrSet, and the page being rendered (if any) tagged with what the value was tagged with. */
async function read<T>(options: GetOrSetOptions<T>): Promise<Cached<T>> {
  const result = await cache.getOrSet(options);
  tagRenderedPage(typeof options.tags === "function" ? options.tags(result.value) : (options.tags ?? []));
  return result;
}

/** A product with how it was obtained (the API reports it as X-Cache); archived products included. */
export async function getProductBySlugWithStatus(
  slug: string,
): Promise<{ product: ProductDetail | null; status: CacheStatus }> {
  const { value, status } = await read({
    key: cacheNames.product(slug),
    ...PRODUCT,
    ...TIMEOUTS,
    // "Not found" is cached briefly; any catalog write (it invalidates `listings`) clears it.
    tags: (product: ProductDetail | null) => (product ? [cacheTags.product(product.id)] : [cacheTags.listings]),
    load: () => loadProductBySlug(slug),
  });
  return { product: value, status };
}

/** An active product, or null (unknown or archived). */
export async function getProductBySlug(slug: string): Promise<ProductDetail | null> {
  const { product } = await getProductBySlugWithStatus(slug);
  return isForSale(product) ? product : null;
}

/** A variant with its product (archived ones included: a cart line must say what became of it), or null. */
export async function getVariant(variantId: number): Promise<VariantWithProduct | null> {
  const { value } = await read({
    key: cacheNames.variant(variantId),
    ...PRODUCT,
    ...TIMEOUTS,
    tags: (variant: VariantWithProduct | null) =>
      variant ? [cacheTags.product(variant.product.id)] : [cacheTags.listings],
    load: () => loadVariant(variantId),
  });
  return value;
}

/** The active ones of these products, in the order given (unknown and archived ones left out). */
export async function getActiveSummaries(productIds: number[]): Promise<ProductSummary[]> {
  const found = await Promise.all(
    productIds.map(async (id) => {
      const { value } = await read({
        key: cacheNames.summary(id),
        ...PRODUCT,
        ...TIMEOUTS,
        // Gone or archived: a write that creates or restores it invalidates one of these.
        tags: (summary: ProductSummary | null) =>
          summary ? [cacheTags.product(id)] : [cacheTags.product(id), cacheTags.listings],
        load: () => loadActiveSummary(id),
      });
      return value;
    }),
  );
  return found.filter((summary): summary is ProductSummary => summary !== null);
}

/**
 * One page of a listing. For `sort=trending`, `ranking` is the trending order (product ids); it is part of
 * the cache key, so a new ranking is a new entry, never an old order under a new name.
 */
export async function listProducts(query: ListingQuery, ranking: readonly number[] = []): Promise<Listing> {
  const normalized = JSON.stringify([
    query.q ?? "",
    query.category ?? "",
    query.sort ?? "",
    query.page,
    query.pageSize,
    ...(query.sort === "trending" ? [ranking] : []),
  ]);
  const hash = createHash("sha256").update(normalized).digest("base64url").slice(0, 22);
  const { value } = await read({
    key: cacheNames.listing(hash),
    // A trending order is a new entry every minute (its ranking is in the key): kept as long as the ranking.
    ...(query.sort === "trending" ? TRENDING_LISTING : LISTING),
    ...TIMEOUTS,
    tags: [cacheTags.listings],
    load: () => loadListing(query, ranking),
  });
  return value;
}

export async function listCategories(): Promise<Category[]> {
  const { value } = await read({
    key: cacheNames.categories(),
    ...CATEGORIES,
    ...TIMEOUTS,
    tags: [cacheTags.listings],
    load: loadCategories,
  });
  return value;
}

export async function getCategoryBySlug(slug: string): Promise<Category | null> {
  return (await listCategories()).find((category) => category.slug === slug) ?? null;
}

export async function getFeaturedProducts(): Promise<ProductSummary[]> {
  const { value } = await read({
    key: cacheNames.featured(),
    ...NEARBY,
    ...TIMEOUTS,
    tags: [cacheTags.listings],
    load: () => loadFeatured(FEATURED_COUNT),
  });
  return value;
}

export async function getRelatedProducts(productId: number): Promise<ProductSummary[]> {
  const { value } = await read({
    key: cacheNames.related(productId),
    ...NEARBY,
    ...TIMEOUTS,
    tags: [cacheTags.listings],
    load: () => loadRelated(productId, RELATED_COUNT),
  });
  return value;
}
