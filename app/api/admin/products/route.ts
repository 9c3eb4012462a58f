import { NextResponse, type NextRequest } from "next/server";
import { answerWriteError, requireAdmin } from "@/lib/backoffice/http";
import { createProduct, newProductSchema } from "@/lib/backoffice/catalog-create";
import { parseJsonBody } from "@/lib/http/body";
import { withErrorBoundary } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * POST /api/admin/products `{ slug, name, description, categoryId, status?, optionNames, variant: { sku,
 * options, priceCents, stock } }` (admins only): a new product with its first variant, a draft unless
 * `status` says otherwise. 201 `{ product: { id } }`; 400 for a slug or SKU in use or an unknown category.
 */
export const POST = withErrorBoundary("api/admin/products", async (request: NextRequest) => {
  const gate = await requireAdmin(request);
  if (!gate.ok) return gate.response;
  const body = await parseJsonBody(request, newProductSchema);
  if (!body.ok) return body.response;
  try {
    const id = await createProduct(gate.admin, body.data);
    return NextResponse.json({ product: { id } }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return answerWriteError(error);
  }
});
