/** Names of the catalog's cache entries (inside the cache's namespace) and their tags. */
export const cacheNames = {
  product: (slug: string) => `product:${slug}`,
  variant: (variantId: number) => `variant:${variantId}`,
  summary: (productId: number) => `summary:${productId}`,
  listing: (queryHash: string) => `listing:${queryHash}`,
  categories: () => "categories",
  category: (slug: string) => `category:${slug}`,
  related: (productId: number) => `related:${productId}`,
  featured: () => "featured",
  sitemap: (part: string) => `sitemap:${part}`,
};

/**
 * A catalog write invalidates its products' tags and `listings`: a price or stock change can move a
 * product into a listing that never held it.
 */
export const cacheTags = {
  product: (productId: number) => `product:${productId}`,
  listings: "listings",
};
