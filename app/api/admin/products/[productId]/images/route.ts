import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { answerWriteError, requireAdmin } from "@/lib/backoffice/http";
import { orderProductImages, uploadProductImage } from "@/lib/backoffice/product-images";
import { parseJsonBody, readBodyBytes, tooLarge } from "@/lib/http/body";
import { jsonError } from "@/lib/http/errors";
import { withErrorBoundary } from "@/lib/http/route";
import { rowId } from "@/lib/http/row-id";
import { MAX_IMAGES } from "@/lib/catalog/images";
import { MAX_IMAGE_BYTES } from "@/lib/media/upload";
import { rowIdSchema } from "@/lib/validation";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ productId: string }> };

/** Room for the form's other fields and boundaries around the file. */
const MAX_FORM_BYTES = MAX_IMAGE_BYTES + 64 * 1024;
const noStore = { headers: { "Cache-Control": "no-store" } };

/** The upload form's fields, or the error to answer. */
async function readUpload(request: NextRequest) {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    return { error: jsonError("unsupported_media_type", "Send the image as multipart/form-data.") };
  }
  const bytes = await readBodyBytes(request, MAX_FORM_BYTES);
  if (bytes === null) return { error: tooLarge(MAX_FORM_BYTES) };
  const form = await new Response(new Uint8Array(bytes), { headers: { "content-type": type } })
    .formData()
    .catch(() => null);
  const file = form?.get("file");
  const alt = form?.get("alt");
  if (!(file instanceof File) || file.size === 0)
    return { error: jsonError("invalid_input", "file: an image is required.") };
  if (file.size > MAX_IMAGE_BYTES) return { error: tooLarge(MAX_IMAGE_BYTES) };
  if (typeof alt !== "string" || alt.trim() === "" || alt.trim().length > 200 || alt.includes("\u0000")) {
    return { error: jsonError("invalid_input", "alt: what the picture shows, at most 200 characters.") };
  }
  return { error: null, file, alt: alt.trim() };
}

/**
 * POST /api/admin/products/[productId]/images (admins only), multipart/form-data with `file` (JPEG, PNG or
 * WebP, at most 8 MB, its name saying what it is) and `alt`: checked, re-encoded to WebP and added as the
 * product's last image (lib/media/upload.ts). 201 `{ images }`; 400 for a file that is not what it says,
 * 413 too large, 415 not a form.
 */
export const POST = withErrorBoundary("api/admin/products/images", async (request: NextRequest, context: Context) => {
  const gate = await requireAdmin(request);
  if (!gate.ok) return gate.response;
  const productId = rowId((await context.params).productId);
  if (productId === null) return jsonError("not_found", "No such product.");
  const upload = await readUpload(request);
  if (upload.error) return upload.error;
  try {
    const bytes = new Uint8Array(await upload.file.arrayBuffer());
    const added = await uploadProductImage(gate.admin, productId, { bytes, name: upload.file.name, alt: upload.alt });
    if (!added.ok) return jsonError("invalid_input", added.reason);
    return NextResponse.json({ images: added.images }, { status: 201, ...noStore });
  } catch (error) {
    return answerWriteError(error);
  }
});

const orderSchema = z.object({ imageIds: z.array(rowIdSchema).min(1).max(MAX_IMAGES) }).strict();

/** PUT /api/admin/products/[productId]/images `{ imageIds }` (admins only): every image, in the new order. */
export const PUT = withErrorBoundary("api/admin/products/images", async (request: NextRequest, context: Context) => {
  const gate = await requireAdmin(request);
  if (!gate.ok) return gate.response;
  const productId = rowId((await context.params).productId);
  if (productId === null) return jsonError("not_found", "No such product.");
  const body = await parseJsonBody(request, orderSchema);
  if (!body.ok) return body.response;
  try {
    return NextResponse.json({ images: await orderProductImages(gate.admin, productId, body.data.imageIds) }, noStore);
  } catch (error) {
    return answerWriteError(error);
  }
});
