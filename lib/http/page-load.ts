/**
 * Whether a request for a page is the page itself loading: a browser's document load (`Sec-Fetch-Dest:
 * document`) or a client that sends no fetch metadata (curl, scripts), rather than a fetch by a page's
 * own script (Next's router navigating or prefetching: `Sec-Fetch-Dest: empty`) or a speculative prefetch
 * (`Sec-Purpose: prefetch`). The proxy cannot ask Next's own router headers (`Next-Router-Prefetch`): Next
 * keeps them from it. A prefetch may still be in flight when the shopper signs out, so what it answers
 * must not bring the session cookie back.
 */
export function isPageLoad(headers: Headers): boolean {
  if (/\bprefetch\b/i.test(headers.get("sec-purpose") ?? headers.get("purpose") ?? "")) return false;
  const destination = headers.get("sec-fetch-dest");
  return destination === null || destination === "document";
}
