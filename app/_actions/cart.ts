"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { CART_COOKIE, cartCookieOptions } from "@/lib/cart/cookie";
import type { CartOwner } from "@/lib/cart/types";
import { addItemSchema, setQuantitySchema, variantIdSchema } from "@/lib/cart/input";
import { requestCartOwner, requestCartOwnerForWrite } from "@/lib/cart/request-owner";
import { addToCart, CartError, removeFromCart, updateCartLine } from "@/lib/cart/service";
import { BRIEFLY_UNAVAILABLE } from "@/lib/http/unavailable";
import { StateUnavailableError } from "@/lib/redis/state";

/**
 * The cart UI's server actions: the same lib/cart functions as the JSON API, answered as small results
 * the components show. (Next.js checks that server actions come from the site's own origin.)
 */

export type CartActionResult = { ok: true; count: number; notice?: string } | { ok: false; error: string };

function failure(error: unknown): CartActionResult {
  if (error instanceof CartError) return { ok: false, error: error.message };
  if (error instanceof StateUnavailableError) {
    return { ok: false, error: BRIEFLY_UNAVAILABLE.cart };
  }
  throw error;
}

/** A guest's cart cookie is renewed with the cart; a signed-in user's cart needs none. */
async function renewCookie(owner: CartOwner) {
  if (owner.kind === "guest") (await cookies()).set(CART_COOKIE, owner.id, cartCookieOptions());
}

export async function addToCartAction(variantId: number, quantity: number): Promise<CartActionResult> {
  const input = addItemSchema.safeParse({ variantId, quantity });
  if (!input.success) return { ok: false, error: "That quantity cannot be added." };
  try {
    const { owner } = await requestCartOwnerForWrite(await cookies());
    const change = await addToCart(owner, input.data.variantId, input.data.quantity);
    await renewCookie(owner);
    revalidatePath("/cart");
    return { ok: true, count: change.cart.count, ...(change.notice ? { notice: change.notice } : {}) };
  } catch (error) {
    return failure(error);
  }
}

/** From the cart page's forms: `variantId` and `quantity` (0 removes). */
export async function setQuantityAction(_previous: CartActionResult | null, form: FormData): Promise<CartActionResult> {
  const variantId = variantIdSchema.safeParse(form.get("variantId"));
  const input = setQuantitySchema.safeParse({ quantity: Number(form.get("quantity")) });
  if (!variantId.success || !input.success) return { ok: false, error: "That quantity cannot be set." };
  try {
    const owner = await requestCartOwner(await cookies());
    if (!owner) return { ok: false, error: "That item is not in your cart." };
    const change =
      input.data.quantity === 0
        ? { cart: await removeFromCart(owner, variantId.data), notice: undefined }
        : await updateCartLine(owner, variantId.data, input.data.quantity);
    await renewCookie(owner);
    revalidatePath("/", "layout");
    return { ok: true, count: change.cart.count, ...(change.notice ? { notice: change.notice } : {}) };
  } catch (error) {
    return failure(error);
  }
}
