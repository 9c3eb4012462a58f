/**
 * The pages served from the route cache: rendered once for everyone, with no per-request server work, so
 * they carry no nonce and get their CSP from the cache entry (lib/page-cache/next-handler.ts), not from
 * the proxy. Every other page renders per request with a nonce policy.
 *
 * - The home page is rendered by `app/storefront/[page]` (next.config.ts rewrites `/` to {@link HOME_ROUTE}): as
 *   a route with a parameter and no pages listed for the build, it is rendered on its first view instead of
 *   during `next build`, which then needs no database. Its canonical address is `/`.
 * - A category without a listing query is cached; with one (`?q=`, `?sort=`, `?page=`, `?pageSize=`) the
 *   proxy rewrites it to `/categories/<slug>/filtered`, rendered per request ({@link pageRoute}); any other
 *   query string is ignored, as the cached page would.
 * - `/products` (all products, searches, filtered listings) is rewritten by the proxy to
 *   `/products/results/<the query as a path segment>`: each distinct listing is one cached page.
 */
export const HOME_ROUTE = "/storefront/home";

const PRODUCT_PAGE = /^\/products\/[^/]+\/?$/;
const LISTING_PAGE = /^\/products\/results\/[^/]+\/?$/;
const CATEGORY_PAGE = /^\/categories\/([^/]+)\/?$/;

/** A category's query string that makes it a listing rendered per request. */
const LISTING_QUERY = ["q", "sort", "page", "pageSize"];

/** The route of `/products` listings: the query string, as one path segment ({@link listingKey}). */
export const LISTING_ROUTE = "/products/results";
const LISTING_KEYS = ["q", "category", "sort", "page", "pageSize"];

/**
 * `/products`' query string as a path segment: its listing parameters only, each once (the first value, as
 * the listing reads it; empty ones left out, as the filter form sends every field), in a fixed order,
 * base64url; `all` for none. The same listing is one page whatever else the address carries.
 */
export function listingKey(search: string): string {
  const params = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const key of LISTING_KEYS) {
    const value = params.get(key);
    if (value !== null && value !== "") kept.append(key, value);
  }
  return kept.size === 0 ? "all" : Buffer.from(kept.toString()).toString("base64url");
}

/**
 * The listing parameters a {@link listingKey} stands for, or null when the key is not one `listingKey` makes
 * (an address made by hand): such a key is a 404, never one more copy of a listing.
 */
export function listingSearchOf(key: string): Record<string, string> | null {
  const params = new URLSearchParams(key === "all" ? "" : Buffer.from(key, "base64url").toString("utf8"));
  if (listingKey(params.toString()) !== key) return null;
  return Object.fromEntries(params);
}

/**
 * Whether the page at this path (and query string, `?…` or empty) is served from the route cache: the proxy
 * sends no policy for it. The proxy's matcher (proxy.ts) leaves most of these out altogether; it sees
 * `/products` (to rewrite it), and the routes it rewrites to.
 */
export function isCachedPagePath(pathname: string, search: string): boolean {
  if (pathname === "/" || pathname === HOME_ROUTE || pathname === "/products") return true;
  if (PRODUCT_PAGE.test(pathname) || LISTING_PAGE.test(pathname)) return true;
  return CATEGORY_PAGE.test(pathname) && !hasListingQuery(search);
}

function hasListingQuery(search: string): boolean {
  const params = new URLSearchParams(search);
  return LISTING_QUERY.some((key) => params.has(key));
}

const PRODUCT_API = /^\/api\/products\/[^/]+\/?$/;
/** How every product API path starts. */
export const PRODUCT_API_START = "/api/products/";

/** The API path answered from the route cache (`/api/products/<slug>`), for GET and HEAD only (proxy.ts). */
export function isCachedApiPath(pathname: string): boolean {
  return PRODUCT_API.test(pathname);
}

/**
 * What comes before the path in a route cache key Next.js made for the product API (Next.js 16 names the
 * route there: `/route-cache/APP_ROUTE/<hash of the route>/$`), or undefined when `key` is not one.
 */
export function cachedApiKeyPrefix(key: string): string | undefined {
  const at = key.lastIndexOf(PRODUCT_API_START);
  return at >= 0 && isCachedApiPath(key.slice(at)) ? key.slice(0, at) : undefined;
}

/** The route that renders a page address, when the proxy rewrites it (`/` is next.config.ts'); null otherwise. */
export function pageRoute(pathname: string, search: string): string | null {
  if (pathname === "/products") return `${LISTING_ROUTE}/${listingKey(search)}`;
  const category = CATEGORY_PAGE.exec(pathname);
  if (category && hasListingQuery(search)) return `/categories/${category[1]}/filtered${search}`;
  return null;
}
