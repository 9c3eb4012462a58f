import type { NextRequest } from "next/server";
import { cartErrorResponse, cartResponse } from "@/lib/cart/http";
import { requestCartOwner } from "@/lib/cart/request-owner";
import { viewCart } from "@/lib/cart/service";
import { withErrorBoundary } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET /api/cart: the cart, priced now. A signed-in user's cart, else the guest cart of the cookie; without either: the empty cart (nothing is created). */
export const GET = withErrorBoundary("api/cart", async (request: NextRequest) => {
  try {
    return cartResponse({ cart: await viewCart(await requestCartOwner(request.cookies)) });
  } catch (error) {
    return cartErrorResponse(error);
  }
});
