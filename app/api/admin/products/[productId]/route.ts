import { NextResponse, type NextRequest } from "next/server";
import { answerWriteError, requireAdmin } from "@/lib/backoffice/http";
import { productForEdit, saveProduct } from "@/lib/backoffice/products";
import { productEditSchema } from "@/lib/catalog/product-edit";
import { parseJsonBody } from "@/lib/http/body";
import { jsonError } from "@/lib/http/errors";
import { withErrorBoundary } from "@/lib/http/route";
import { rowId } from "@/lib/http/row-id";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ productId: string }> };

const noStore = { headers: { "Cache-Control": "no-store" } };

const productIdOf = async (context: Context) => rowId((await context.params).productId);

/** GET /api/admin/products/[productId] (admins only): the product as its edit form shows it, with its `version`. */
export const GET = withErrorBoundary("api/admin/products", async (request: NextRequest, context: Context) => {
  const gate = await requireAdmin(request);
  if (!gate.ok) return gate.response;
  const id = await productIdOf(context);
  const product = id === null ? null : await productForEdit(id);
  if (!product) return jsonError("not_found", "No such product.");
  return NextResponse.json({ product }, noStore);
});

/**
 * PATCH /api/admin/products/[productId] `{ version, name, description, status, variants: [{ variantId,
 * priceCents }] }` (admins only): saves the form it was opened at `version`. 409 `edit_conflict` when the
 * product changed since (nothing saved); answers `{ product }` with the new version.
 */
export const PATCH = withErrorBoundary("api/admin/products", async (request: NextRequest, context: Context) => {
  const gate = await requireAdmin(request);
  if (!gate.ok) return gate.response;
  const id = await productIdOf(context);
  if (id === null) return jsonError("not_found", "No such product.");
  const body = await parseJsonBody(request, productEditSchema);
  if (!body.ok) return body.response;
  try {
    return NextResponse.json({ product: await saveProduct(gate.admin, id, body.data) }, noStore);
  } catch (error) {
    return answerWriteError(error);
  }
});
