import { env } from "../env";

/**
 * Every Redis key Brisk writes is built here, and nowhere else. All keys share one prefix (a namespace:
 * tests use their own). Keys that one operation touches share a hash tag `{...}`, so they live in one
 * Redis Cluster slot.
 */

const prefix = () => env.REDIS_KEY_PREFIX;

/** Whose cart: a guest's (by the id in the cart cookie) or a signed-in user's. */
export type CartOwner = { kind: "guest"; id: string } | { kind: "user"; id: string };

export const redisKeys = {
  /** A cache entry; `name` is the cache's own key, e.g. `product:<slug>` (see `cacheNames`). */
  cacheEntry: (name: string) => `${prefix()}cache:${name}`,
  /** When a cache tag was last invalidated (Redis clock, µs). Its own slot: tags are read one key at a time. */
  cacheTag: (tag: string) => `${prefix()}cache-tag:{${tag}}`,
  /** The short lock that lets one process load an entry while the others wait for it. */
  cacheLock: (name: string) => `${prefix()}cache-lock:${name}`,
  /** Pub/sub channel on which instances tell each other which entries to drop from their in-memory L1. */
  cacheInvalidations: () => `${prefix()}cache-invalidations`,
  /**
   * A cart: a hash of variant id → quantity. A guest's is `cart:{c:<cartId>}`, a signed-in user's
   * `cart:{u:<userId>}`; the braces keep each cart (and what one operation touches) in one slot.
   */
  cart: (owner: CartOwner) => `${prefix()}cart:{${owner.kind === "guest" ? "c" : "u"}:${owner.id}}`,
  /** Everything the cache wrote, for SCAN (reseeding, test resets). */
  cachePattern: () => `${prefix()}cache*`,
  /** Everything under the prefix (test resets). */
  everything: () => `${prefix()}*`,
};

/** Names of the catalog's cache entries, inside the cache's namespace. */
export const cacheNames = {
  product: (slug: string) => `product:${slug}`,
  variant: (variantId: number) => `variant:${variantId}`,
  listing: (queryHash: string) => `listing:${queryHash}`,
  categories: () => "categories",
  category: (slug: string) => `category:${slug}`,
  related: (productId: number) => `related:${productId}`,
  featured: () => "featured",
};

/** Cache tags: a catalog write invalidates its product's tag and `listings` (DESIGN.md). */
export const cacheTags = {
  product: (productId: number) => `product:${productId}`,
  listings: "listings",
};
