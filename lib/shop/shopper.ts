import { signedInFrom, type CookieJar } from "../auth/current-user";
import { cartOwnerOf } from "../cart/request-owner";
import { countCartItems } from "../cart/service";
import type { ProductSummary } from "../catalog/types";
import { unlessStateUnavailable } from "../redis/state";
import { recordProductView } from "./viewed";

/**
 * What every page's header shows of the shopper: who is signed in (or that Redis cannot say right now)
 * and how many items the cart holds (null when Redis cannot say). On a product page the same question
 * records the view and brings the shopper's other recently viewed products: one request per page view.
 */

export interface Shopper {
  account: { name: string } | null | "unavailable";
  cartCount: number | null;
  /**
   * Asked on a product page only: the shopper's other recently viewed products; null when the view was
   * not recorded (the product is no longer for sale, the address is past its allowance, Redis is down).
   */
  recentlyViewed?: ProductSummary[] | null;
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
      view ? recordProductView({ jar, signedIn, userAgent: view.userAgent, ip: view.ip }, view.slug) : null,
    ]);
    const shopper: Shopper = {
      account: signedIn ? { name: signedIn.user.name ?? signedIn.user.email } : null,
      cartCount,
    };
    if (!viewed) return { shopper };
    if (viewed.kind !== "recorded") return { shopper: { ...shopper, recentlyViewed: null } };
    return { shopper: { ...shopper, recentlyViewed: viewed.products }, visitorId: viewed.visitorId };
  });
  if (answer !== "unavailable") return answer;
  const shopper: Shopper = { account: "unavailable", cartCount: null };
  return { shopper: view ? { ...shopper, recentlyViewed: null } : shopper };
}
