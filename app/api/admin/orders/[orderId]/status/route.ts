import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { answerWriteError, requireAdmin } from "@/lib/backoffice/http";
import { changeOrderStatus } from "@/lib/backoffice/orders";
import { parseJsonBody } from "@/lib/http/body";
import { withErrorBoundary } from "@/lib/http/route";
import { ORDER_MOVES } from "@/lib/orders/transitions";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ orderId: string }> };

const moveSchema = z.object({ to: z.enum(ORDER_MOVES, { message: `one of ${ORDER_MOVES.join(", ")}` }) }).strict();

/**
 * POST /api/admin/orders/[orderId]/status `{ to }` (admins only): moves a paid order to fulfilled,
 * cancelled or refunded (the last two give its stock back, once), recorded in the audit log, and mails
 * the customer. Answers `{ order: { id, number, status } }`; 409 `invalid_transition` for an order that is
 * not paid (already moved); 404 for anyone but an admin.
 */
export const POST = withErrorBoundary("api/admin/orders/status", async (request: NextRequest, context: Context) => {
  const gate = await requireAdmin(request);
  if (!gate.ok) return gate.response;
  const body = await parseJsonBody(request, moveSchema);
  if (!body.ok) return body.response;
  try {
    const { order, to } = await changeOrderStatus(gate.admin, (await context.params).orderId, body.data.to);
    return NextResponse.json(
      { order: { id: order.id, number: order.number, status: to } },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return answerWriteError(error);
  }
});
