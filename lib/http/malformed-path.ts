/**
 * Whether a URL path carries a malformed percent-encoding (`/products/%`, `/api/products/%E0%A4%A`).
 * Next.js decodes the dynamic segments of a path before any page or route handler runs, and on such a
 * path it fails with a bare 500 "Internal Server Error" (Next 16: it tries to render a /400 page that an
 * App Router app does not have). proxy.ts runs before that decoding and answers these paths itself.
 */
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
