import type { NextRequest } from "next/server";
import { cartErrorResponse, cartResponse } from "@/lib/cart/http";
import { addItemSchema } from "@/lib/cart/input";
import { requestCartOwnerForWrite } from "@/lib/cart/request-owner";
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
    const { owner, guestCartId } = await requestCartOwnerForWrite(request.cookies);
    const change = await addToCart(owner, body.data.variantId, body.data.quantity);
    return cartResponse(change, guestCartId);
  } catch (error) {
    return cartErrorResponse(error);
  }
});
