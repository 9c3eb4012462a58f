/**
 * Every security header Brisk sends, built here and nowhere else. Two places apply them:
 *
 * - `next.config.ts` `headers()` sends {@link securityHeaderRules}: every header but the CSP on every
 *   response, and {@link RESOURCE_CSP} on what the proxy does not see (`/api/*`, `/_next/*`, `/media/*`,
 *   `/favicon.ico`). Next.js bakes these rules into the build: HSTS follows `AUTH_URL` as `next build` saw it.
 * - `proxy.ts` sends {@link pageCsp} with a fresh {@link newNonce} on every page, and puts the same policy on
 *   the request, where Next.js finds the nonce and sets it on its own scripts (the page must render per request).
 *
 * One CSP per response: a second policy would be enforced as well, so the two sets of paths never overlap.
 * docs/security-headers.md says which response carries which policy, and why.
 */

export type SecurityHeader = { key: string; value: string };

/** What JSON, media, static assets and anything else that is not a page may do as a document: nothing. */
export const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The image optimizer (`/_next/image`) sets its own CSP, replacing the one above: next.config.ts gives it this
 * one (`images.contentSecurityPolicy`), the resource policy plus the `sandbox` of Next.js' default.
 */
export const IMAGE_CSP = `${RESOURCE_CSP}; sandbox`;

/**
 * The paths the proxy does not run on (its matcher in proxy.ts is the complement, spelled as a literal
 * because Next.js reads it statically). `:path+` leaves `/api` itself to the proxy, as its matcher does.
 */
export const NON_PAGE_SOURCES = ["/api", "/api/:path+", "/_next/:path+", "/media/:path+", "/favicon.ico"];

/** 128 random bits, base64: a script nonce for one response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * The policy of a page. Scripts run only with this response's nonce, and what those load (`'strict-dynamic'`);
 * `'self'` is ignored by browsers that know `'strict-dynamic'` and kept for those that do not.
 * Styles: the stylesheet is a file (Tailwind); `style` attributes are allowed because next/image writes its
 * layout into them (`fill` images are absolutely positioned by an inline style), and an attribute can
 * neither use selectors nor load anything `img-src` refuses; `<style>` elements stay refused.
 * `next dev` also gets `'unsafe-eval'`, which React's development build uses to rebuild server stacks, and
 * `<style>` elements (`'unsafe-inline'` in style-src), which is how Turbopack's dev server and overlay load CSS.
 */
export function pageCsp(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  return policyWith(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`, dev);
}

function policyWith(scriptSrc: string, dev: boolean): string {
  return [
    "default-src 'self'",
    scriptSrc,
    `style-src 'self'${dev ? " 'unsafe-inline'" : ""}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Is this origin served over TLS (and so may ask browsers to stay on it)? */
export const isHttps = (origin: string) => new URL(origin).protocol === "https:";

/**
 * The headers every response carries, whatever it is (all but the CSP):
 * - `Referrer-Policy: same-origin`: another site never learns a URL of ours (a guest's order page carries its
 *   token in the query). Not `no-referrer`: Chromium then sends `Origin: null` on a same-origin form POST
 *   made before the page hydrated, and Next.js refuses the server action (the sign-in form answered 500).
 * - HSTS only when the public origin is https: on http it is ignored, and would be a lie.
 */
export function baseHeaders({ https }: { https: boolean }): SecurityHeader[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "same-origin" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), browsing-topics=(), payment=(), usb=(), display-capture=()",
    },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    ...(https ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
  ];
}

/** The rules for `next.config.ts` `headers()`: the base headers everywhere, the resource CSP off the pages. */
export function securityHeaderRules({ https }: { https: boolean }): { source: string; headers: SecurityHeader[] }[] {
  return [
    { source: "/:path*", headers: baseHeaders({ https }) },
    ...NON_PAGE_SOURCES.map((source) => ({
      source,
      headers: [{ key: "Content-Security-Policy", value: RESOURCE_CSP }],
    })),
  ];
}

/**
 * The policy of a page served from the route cache (lib/page-cache): rendered once for everyone, so its
 * scripts carry no nonce. Its inline scripts (the RSC payload, React's streaming scripts) are allowed by
 * their sha256, computed from the stored HTML; the framework chunks are `<script src>` from `'self'`. A
 * script injected into the page in the browser (a DOM injection) matches no hash and does not run; one
 * injected into the HTML on the server would be hashed with the rest, which a nonce would not have allowed
 * either way once rendered. The rest is {@link pageCsp}'s.
 */
export function cachedPageCsp(scriptHashes: readonly string[]): string {
  const hashes = scriptHashes.map((hash) => ` 'sha256-${hash}'`).join("");
  return policyWith(`script-src 'self'${hashes}`, false);
}
