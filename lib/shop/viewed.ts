import { isBot } from "../activity/bots";
import { recentlyViewed, recordView } from "../activity/recently-viewed";
import { requestViewer, viewerForWrite } from "../activity/request-viewer";
import { countView } from "../activity/view-counts";
import type { CookieJar, SignedIn } from "../auth/current-user";
import { getActiveSummaries, getProductBySlug } from "../catalog/queries";
import type { ProductSummary } from "../catalog/types";
import { hitRateLimit } from "../http/rate-limit";

/**
 * Recently viewed products as the store shows them: the viewer's list (lib/activity) made into product
 * summaries (lib/catalog), archived products and the product on screen left out.
 */

/** Views one address may add to trending per hour (when the app knows addresses: TRUST_PROXY_HOPS). */
const TRENDING_VIEWS_PER_IP_HOUR = 600;
/** Views one address may record per minute (when the app knows addresses). */
const VIEWS_PER_IP_MINUTE = 120;

export type RecordedProductView =
  /** `productIds`: the viewer's other recently viewed products, newest first (archived ones included). */
  | { kind: "recorded"; productIds: number[]; visitorId?: string }
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "not_found" };

/** Who views: the request's cookies and session (looked up once by the caller), browser and address. */
export interface ProductViewer {
  jar: CookieJar;
  signedIn: SignedIn | null;
  userAgent: string | null;
  ip: string | null;
}

/**
 * A product page's view (by the product's slug), recorded for its viewer: answers the ids of the viewer's
 * other recently viewed products (the page's row asks for their summaries when it comes into view). A product not for sale is not recorded; nor is a bot's view; an address past
 * 120 views a minute is refused (when addresses are known). The viewer's first view of the product this
 * hour also counts for trending, unless the address is past its hourly allowance; that count failing
 * never fails the view.
 */
export async function recordProductView(request: ProductViewer, slug: string): Promise<RecordedProductView> {
  // An address past its allowance is refused before any lookup (made-up slugs included).
  if (request.ip) {
    const allowed = await hitRateLimit({ scope: `views:${request.ip}`, limit: VIEWS_PER_IP_MINUTE, windowMs: 60_000 });
    if (!allowed.allowed) return { kind: "rate_limited", retryAfterSeconds: allowed.retryAfterSeconds };
  }
  const product = await getProductBySlug(slug);
  if (!product) return { kind: "not_found" };
  // A crawler gets no list (nor a cookie): it would only fill Redis.
  if (isBot(request.userAgent)) return { kind: "recorded", productIds: [] };
  const { viewer, visitorId } = viewerForWrite(request.signedIn, request.jar);
  const recorded = await recordView(viewer, product.id);
  if (recorded.firstThisHour) await countTrendingView(product.id, request.ip);
  return { kind: "recorded", productIds: recorded.productIds.filter((id) => id !== product.id), visitorId };
}

/** Counts the view for trending, unless the address is past its hourly allowance; never fails the view. */
async function countTrendingView(productId: number, ip: string | null): Promise<void> {
  if (ip) {
    const limit = await hitRateLimit({
      scope: `trending-views:${ip}`,
      limit: TRENDING_VIEWS_PER_IP_HOUR,
      windowMs: 3_600_000,
    }).catch((error: Error) => {
      console.warn(`[brisk] trending view not counted: ${error.message}`);
      return null;
    });
    if (!limit?.allowed) return;
  }
  countView(productId);
}

/** The viewer's recently viewed products (none for a browser that has viewed nothing), less `exclude`. */
export async function viewedProducts(jar: CookieJar, exclude?: number): Promise<ProductSummary[]> {
  const viewer = await requestViewer(jar);
  if (!viewer) return [];
  const ids = await recentlyViewed(viewer);
  return getActiveSummaries(ids.filter((id) => id !== exclude));
}
