import type { NextRequest } from "next/server";
import { CART_COOKIE } from "@/lib/cart/cookie";
import { cartErrorResponse, cartResponse } from "@/lib/cart/http";
import { addItemSchema } from "@/lib/cart/input";
import { cartOwnerForWrite } from "@/lib/cart/owner";
import { addToCart } from "@/lib/cart/service";
import { parseJsonBody } from "@/lib/http/body";
import { refuseCrossOrigin } from "@/lib/http/origin";
import { withErrorBoundary } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** POST /api/cart/items `{ variantId, quantity }`: adds to a line (clamped to stock and to 99). */
export const POST = withErrorBoundary("api/cart/items", async (request: NextRequest) => {
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  const body = await parseJsonBody(request, addItemSchema);
  if (!body.ok) return body.response;
  try {
    const { owner, newCartId } = await cartOwnerForWrite(request.cookies.get(CART_COOKIE)?.value);
    const change = await addToCart(owner, body.data.variantId, body.data.quantity);
    return cartResponse(change, newCartId ?? (owner.kind === "guest" ? owner.id : undefined));
  } catch (error) {
    return cartErrorResponse(error);
  }
});
