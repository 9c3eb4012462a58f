import type { NextRequest } from "next/server";
import { signedInFrom } from "@/lib/auth/current-user";
import { cartOwnerOf } from "@/lib/cart/request-owner";
import { parseJsonBody } from "@/lib/http/body";
import { jsonError } from "@/lib/http/errors";
import { refuseCrossOrigin } from "@/lib/http/origin";
import { withErrorBoundary } from "@/lib/http/route";
import { checkout } from "@/lib/orders/checkout";
import { checkoutErrorResponse, checkoutResponse } from "@/lib/orders/http";
import { checkoutSchema, idempotencyKeySchema } from "@/lib/orders/input";

export const dynamic = "force-dynamic";

/**
 * POST /api/checkout (header `Idempotency-Key`): `{ email, name, address, payment, fingerprint? }` → 201
 * `{ order }` (200 on a replay), 402 `payment_declined`, 409 `cart_changed` | `out_of_stock` |
 * `idempotency_conflict`, 400 for bad input or an empty cart, 503 while the state Redis is unavailable.
 * The outcome of lib/orders' checkout becomes a response in lib/orders/http.ts.
 */
export const POST = withErrorBoundary("api/checkout", async (request: NextRequest) => {
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  const key = idempotencyKeySchema.safeParse(request.headers.get("idempotency-key") ?? "");
  if (!key.success) return jsonError("invalid_input", "Idempotency-Key header: 8 to 128 letters, digits, '-' or '_'.");
  const body = await parseJsonBody(request, checkoutSchema);
  if (!body.ok) return body.response;
  try {
    const signedIn = await signedInFrom(request.cookies);
    const owner = cartOwnerOf(signedIn, request.cookies);
    const result = await checkout({
      owner,
      userId: signedIn?.user.id ?? null,
      input: body.data,
      idempotencyKey: key.data,
    });
    return checkoutResponse(result);
  } catch (error) {
    return checkoutErrorResponse(error);
  }
});
