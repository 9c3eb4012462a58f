import { NextResponse, type NextRequest } from "next/server";
import { answerWriteError, requireAdmin } from "@/lib/backoffice/http";
import { addVariant, newVariantSchema } from "@/lib/backoffice/catalog-create";
import { parseJsonBody } from "@/lib/http/body";
import { jsonError } from "@/lib/http/errors";
import { withErrorBoundary } from "@/lib/http/route";
import { rowId } from "@/lib/http/row-id";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ productId: string }> };

/**
 * POST /api/admin/products/[productId]/variants `{ sku, options, priceCents, stock }` (admins only): a
 * new variant, last; its options name exactly the product's. 201 `{ variant: { id } }`.
 */
export const POST = withErrorBoundary("api/admin/products/variants", async (request: NextRequest, context: Context) => {
  const gate = await requireAdmin(request);
  if (!gate.ok) return gate.response;
  const productId = rowId((await context.params).productId);
  if (productId === null) return jsonError("not_found", "No such product.");
  const body = await parseJsonBody(request, newVariantSchema);
  if (!body.ok) return body.response;
  try {
    const id = await addVariant(gate.admin, productId, body.data);
    return NextResponse.json({ variant: { id } }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return answerWriteError(error);
  }
});
