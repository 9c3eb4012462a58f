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
  /** Which guest carts were merged into this user's cart (same slot as the cart: the merge records it atomically). */
  cartMerged: (userId: string) => `${prefix()}cart:{u:${userId}}:merged`,
  /** A session, `sess:{u:<userId>}:<sessionToken>`: JSON, expiring with the session (PXAT). */
  session: (userId: string, sessionToken: string) => `${prefix()}sess:{u:${userId}}:${sessionToken}`,
  /** The set of a user's session tokens, in the same slot as the sessions. */
  sessionIndex: (userId: string) => `${prefix()}sess:{u:${userId}}:index`,
  /** A pending sign-in code (hashed by Auth.js), `vt:{e:<email>}:<hash>`, expiring with it. */
  verificationToken: (email: string, hashedToken: string) => `${prefix()}vt:{e:${email}}:${hashedToken}`,
  /** Wrong tries at an e-mail's codes; at the limit every pending code of that e-mail is dead. */
  verificationTries: (email: string) => `${prefix()}vt:{e:${email}}:tries`,
  /** The hashes of an e-mail's pending codes (so the fifth wrong try can kill them all). */
  verificationIndex: (email: string) => `${prefix()}vt:{e:${email}}:index`,
  /** A fixed-window counter: `rl:{<scope>}:<window>`, e.g. scope `signin-email:<email>`. */
  rateLimit: (scope: string, window: number) => `${prefix()}rl:{${scope}}:${window}`,
  /** Dev mailbox: the mails sent to one address, newest first (only with AUTH_DEV_MAILBOX=1). */
  devMailbox: (email: string) => `${prefix()}mailbox:{e:${email}}`,
  /** A checkout's idempotency record, `idem:{<scope>}:<key>`; scope `c:<cartId>` or `u:<userId>`. */
  idempotency: (scope: string, key: string) => `${prefix()}idem:{${scope}}:${key}`,
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
