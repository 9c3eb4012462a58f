import type { NextRequest } from "next/server";
import { cartErrorResponse, cartResponse } from "@/lib/cart/http";
import { setQuantitySchema, variantIdSchema } from "@/lib/cart/input";
import { requestCartOwner } from "@/lib/cart/request-owner";
import { removeFromCart, updateCartLine } from "@/lib/cart/service";
import { parseJsonBody } from "@/lib/http/body";
import { invalidInput, jsonError } from "@/lib/http/errors";
import { refuseCrossOrigin } from "@/lib/http/origin";
import { withErrorBoundary } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ variantId: string }> };

const parseVariantId = async ({ params }: Context) => variantIdSchema.safeParse((await params).variantId);

/** PATCH /api/cart/items/[variantId] `{ quantity }`: sets the line's quantity (0 removes it). */
export const PATCH = withErrorBoundary("api/cart/items/[variantId]", async (request: NextRequest, context: Context) => {
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  const variantId = await parseVariantId(context);
  if (!variantId.success) return invalidInput(variantId.error);
  const body = await parseJsonBody(request, setQuantitySchema);
  if (!body.ok) return body.response;
  try {
    // No cart: so no such line.
    const owner = await requestCartOwner(request.cookies);
    if (!owner) return jsonError("not_found", "That item is not in your cart.");
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
    const variantId = await parseVariantId(context);
    if (!variantId.success) return invalidInput(variantId.error);
    try {
      const owner = await requestCartOwner(request.cookies);
      if (!owner) return cartResponse({ cart: await removeFromCart({ kind: "guest", id: "none" }, variantId.data) });
      return cartResponse({ cart: await removeFromCart(owner, variantId.data) });
    } catch (error) {
      return cartErrorResponse(error);
    }
  },
);
