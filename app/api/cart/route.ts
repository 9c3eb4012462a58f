import type { NextRequest } from "next/server";
import { CART_COOKIE } from "@/lib/cart/cookie";
import { cartErrorResponse, cartResponse } from "@/lib/cart/http";
import { cartOwnerFromCookie } from "@/lib/cart/owner";
import { viewCart } from "@/lib/cart/service";
import { withErrorBoundary } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET /api/cart: the cart, priced now. Without a cart cookie: the empty cart (nothing is created). */
export const GET = withErrorBoundary("api/cart", async (request: NextRequest) => {
  try {
    return cartResponse({ cart: await viewCart(cartOwnerFromCookie(request.cookies.get(CART_COOKIE)?.value)) });
  } catch (error) {
    return cartErrorResponse(error);
  }
});
