import { NextResponse, type NextRequest } from "next/server";
import { answerWriteError, requireAdmin } from "@/lib/backoffice/http";
import { deleteProductImage } from "@/lib/backoffice/product-images";
import { jsonError } from "@/lib/http/errors";
import { withErrorBoundary } from "@/lib/http/route";
import { rowId } from "@/lib/http/row-id";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ productId: string; imageId: string }> };

/** DELETE /api/admin/products/[productId]/images/[imageId] (admins only): answers the images left. */
export const DELETE = withErrorBoundary("api/admin/products/images", async (request: NextRequest, context: Context) => {
  const gate = await requireAdmin(request);
  if (!gate.ok) return gate.response;
  const params = await context.params;
  const [productId, imageId] = [rowId(params.productId), rowId(params.imageId)];
  if (productId === null || imageId === null) return jsonError("not_found", "No such image.");
  try {
    const images = await deleteProductImage(gate.admin, productId, imageId);
    return NextResponse.json({ images }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return answerWriteError(error);
  }
});
