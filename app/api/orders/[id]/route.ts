import { NextResponse, type NextRequest } from "next/server";
import { signedInFrom } from "@/lib/auth/current-user";
import { jsonError } from "@/lib/http/errors";
import { withErrorBoundary } from "@/lib/http/route";
import { getOrderForViewer } from "@/lib/orders/queries";
import { StateUnavailableError } from "@/lib/redis/state";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET /api/orders/[id] (`?token=` for a guest's order): `{ order }`, or 404 `not_found` to anyone else. */
export const GET = withErrorBoundary("api/orders/[id]", async (request: NextRequest, { params }: Context) => {
  // Redis down: nobody is known to be signed in, but a guest's token still works.
  const signedIn = await signedInFrom(request.cookies).catch((error) => {
    if (error instanceof StateUnavailableError) return null;
    throw error;
  });
  const order = await getOrderForViewer((await params).id, {
    userId: signedIn?.user.id ?? null,
    token: request.nextUrl.searchParams.get("token"),
  });
  if (!order) return jsonError("not_found", "No such order.");
  return NextResponse.json({ order }, { headers: { "Cache-Control": "no-store" } });
});
