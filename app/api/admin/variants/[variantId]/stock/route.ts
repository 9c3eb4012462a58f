import { NextResponse, type NextRequest } from "next/server";
import { answerWriteError, requireAdmin } from "@/lib/backoffice/http";
import { adjustStock, stockAdjustmentSchema } from "@/lib/backoffice/stock";
import { parseJsonBody } from "@/lib/http/body";
import { jsonError } from "@/lib/http/errors";
import { withErrorBoundary } from "@/lib/http/route";
import { rowId } from "@/lib/http/row-id";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ variantId: string }> };

/**
 * POST /api/admin/variants/[variantId]/stock `{ delta, reason }` (admins only): adds `delta` (negative takes
 * away) to the variant's stock for a reason (received, counted, damaged), recorded in the audit log.
 * Answers `{ variantId, before, after }`; 409 `insufficient_stock` below zero; 404 for anyone but an admin.
 */
export const POST = withErrorBoundary("api/admin/variants/stock", async (request: NextRequest, context: Context) => {
  const gate = await requireAdmin(request);
  if (!gate.ok) return gate.response;
  const variantId = rowId((await context.params).variantId);
  if (variantId === null) return jsonError("not_found", "No such variant.");
  const body = await parseJsonBody(request, stockAdjustmentSchema);
  if (!body.ok) return body.response;
  try {
    const { before, after } = await adjustStock(gate.admin, variantId, body.data);
    return NextResponse.json({ variantId, before, after }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return answerWriteError(error);
  }
});
