import type { NextRequest } from "next/server";
import { CART_COOKIE } from "@/lib/cart/cookie";
import { cartErrorResponse, cartResponse } from "@/lib/cart/http";
import { setQuantitySchema, variantIdSchema } from "@/lib/cart/input";
import { cartOwnerFromCookie } from "@/lib/cart/owner";
import { removeFromCart, updateCartLine } from "@/lib/cart/service";
import { parseJsonBody } from "@/lib/http/body";
import { invalidInput, jsonError } from "@/lib/http/errors";
import { refuseCrossOrigin } from "@/lib/http/origin";
import { withErrorBoundary } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ variantId: string }> };

/** The request's line: its variant id, and the cart it belongs to (null: no cart, so no such line). */
async function target(request: NextRequest, { params }: Context) {
  const variantId = variantIdSchema.safeParse((await params).variantId);
  const owner = cartOwnerFromCookie(request.cookies.get(CART_COOKIE)?.value);
  return { variantId, owner };
}

/** PATCH /api/cart/items/[variantId] `{ quantity }`: sets the line's quantity (0 removes it). */
export const PATCH = withErrorBoundary("api/cart/items/[variantId]", async (request: NextRequest, context: Context) => {
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  const { variantId, owner } = await target(request, context);
  if (!variantId.success) return invalidInput(variantId.error);
  const body = await parseJsonBody(request, setQuantitySchema);
  if (!body.ok) return body.response;
  if (!owner) return jsonError("not_found", "That item is not in your cart.");
  try {
    const change = await updateCartLine(owner, variantId.data, body.data.quantity);
    return cartResponse(change, owner.kind === "guest" ? owner.id : undefined);
  } catch (error) {
    return cartErrorResponse(error);
  }
});

/** DELETE /api/cart/items/[variantId]: removes the line (and is not an error when it is already gone). */
export const DELETE = withErrorBoundary(
  "api/cart/items/[variantId]",
  async (request: NextRequest, context: Context) => {
    const refused = refuseCrossOrigin(request);
    if (refused) return refused;
    const { variantId, owner } = await target(request, context);
    if (!variantId.success) return invalidInput(variantId.error);
    try {
      if (!owner) return cartResponse({ cart: await removeFromCart({ kind: "guest", id: "none" }, variantId.data) });
      return cartResponse({ cart: await removeFromCart(owner, variantId.data) });
    } catch (error) {
      return cartErrorResponse(error);
    }
  },
);
