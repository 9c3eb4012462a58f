import { cookies } from "next/headers";
import { cartOwnerOf } from "../cart/request-owner";
import { countCartItems } from "../cart/service";
import { unlessStateUnavailable } from "../redis/state";
import { currentUser } from "../auth/current-user";

/**
 * What every page's header shows of the shopper: who is signed in (or that Redis cannot say right now)
 * and how many items the cart holds (null when Redis cannot say).
 */

export interface Shopper {
  account: { name: string } | null | "unavailable";
  cartCount: number | null;
}

export async function currentShopper(): Promise<Shopper> {
  const shopper = await unlessStateUnavailable(async () => {
    const signedIn = await currentUser();
    const owner = cartOwnerOf(signedIn, await cookies());
    const account = signedIn ? { name: signedIn.user.name ?? signedIn.user.email } : null;
    return { account, cartCount: await countCartItems(owner) };
  });
  return shopper === "unavailable" ? { account: "unavailable", cartCount: null } : shopper;
}
