import { NextResponse, type NextRequest } from "next/server";
import { jsonError } from "@/lib/http/errors";
import { withErrorBoundary } from "@/lib/http/route";
import { getOrderForViewer } from "@/lib/orders/queries";
import { orderViewerId } from "@/lib/orders/viewer";
import { answerStateUnavailable } from "@/lib/http/unavailable";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET /api/orders/[id] (`?token=` for a guest's order): `{ order }`, or 404 `not_found` to anyone else. */
export const GET = withErrorBoundary("api/orders/[id]", async (request: NextRequest, { params }: Context) => {
  let userId: string | null;
  try {
    userId = await orderViewerId(request.cookies);
  } catch (error) {
    return answerStateUnavailable(error, "orders");
  }
  const order = await getOrderForViewer((await params).id, {
    userId,
    token: request.nextUrl.searchParams.get("token"),
  });
  if (!order) return jsonError("not_found", "No such order.");
  return NextResponse.json({ order }, { headers: { "Cache-Control": "no-store" } });
});
