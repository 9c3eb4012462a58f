import { signedInFrom, type CookieJar } from "../auth/current-user";
import { cartOwnerOf } from "../cart/request-owner";
import { countCartItems } from "../cart/service";
import { StateUnavailableError, unlessStateUnavailable } from "../redis/state";
import { recordProductView, type ProductViewer, type RecordedProductView } from "./viewed";

/**
 * What every page's header shows of the shopper: who is signed in (or that Redis cannot say right now)
 * and how many items the cart holds (null when Redis cannot say). On a product page the same question
 * records the view and brings the shopper's other recently viewed products: one request per page view.
 */

export interface Shopper {
  account: { name: string } | null | "unavailable";
  cartCount: number | null;
  /**
   * Asked on a product page only: the ids of the shopper's other recently viewed products, newest first;
   * null when the view was not recorded (the product is no longer for sale, the address is past its
   * allowance, Redis is down). The page's row asks `GET /api/product-summaries` for them when it comes
   * into view: most views never scroll that far, and those summaries are the same for everyone.
   */
  recentlyViewed?: number[] | null;
}

/** A product page's view: the product's slug, and the browser and address it came from. */
export interface PageView {
  slug: string;
  userAgent: string | null;
  ip: string | null;
}

/** The header's answer, and for a guest whose view was recorded the visitor id their cookie must carry. */
export async function currentShopper(
  jar: CookieJar,
  view?: PageView,
): Promise<{ shopper: Shopper; visitorId?: string }> {
  const answer = await unlessStateUnavailable(async () => {
    const signedIn = await signedInFrom(jar);
    const [cartCount, viewed] = await Promise.all([
      countCartItems(cartOwnerOf(signedIn, jar)),
      view ? recordOrSkip({ jar, signedIn, userAgent: view.userAgent, ip: view.ip }, view.slug) : undefined,
    ]);
    const shopper: Shopper = {
      account: signedIn ? { name: signedIn.user.name ?? signedIn.user.email } : null,
      cartCount,
    };
    if (viewed === undefined) return { shopper };
    if (viewed === null || viewed.kind !== "recorded") return { shopper: { ...shopper, recentlyViewed: null } };
    return { shopper: { ...shopper, recentlyViewed: viewed.productIds }, visitorId: viewed.visitorId };
  });
  if (answer !== "unavailable") return answer;
  const shopper: Shopper = { account: "unavailable", cartCount: null };
  return { shopper: view ? { ...shopper, recentlyViewed: null } : shopper };
}

/**
 * The view recorded, or left out when the catalog cannot say what the product is (PostgreSQL down, a
 * timeout): the header's answer stands without it. Redis being down is the header's own failure (thrown).
 */
async function recordOrSkip(viewer: ProductViewer, slug: string): Promise<RecordedProductView | null> {
  try {
    return await recordProductView(viewer, slug);
  } catch (error) {
    if (error instanceof StateUnavailableError) throw error;
    console.warn(`[brisk] the view of ${slug} was not recorded: ${(error as Error).message}`);
    return null;
  }
}
