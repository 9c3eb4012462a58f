import type { SignedIn } from "../auth/current-user";
import { CatalogWriteError } from "../catalog/errors";
import { addImage, MAX_IMAGES, orderImages, removeImage, type ProductImageRow } from "../catalog/images";
import { invalidateProducts } from "../catalog/mutations";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client.ts";
import { removeUploadedImage, storeProductImage } from "../media/upload";
import { TRANSACTION_OPTIONS } from "../orders/stock";
import { appendAudit } from "./audit";

/**
 * A product's images from the back office: each change and its audit entry in one transaction, then the
 * product invalidated on every instance (its page and the listings show the first image). An uploaded
 * file is written before the transaction and removed again if the transaction fails; a removed image's
 * file is deleted only after its row is gone for good.
 */

type Edit = (tx: Prisma.TransactionClient) => Promise<{ before: ProductImageRow[]; after: ProductImageRow[] }>;

/** The change and its audit entry, committed together; the images after it. */
async function commitImages(actor: SignedIn, productId: number, action: string, edit: Edit) {
  const { after } = await db.$transaction(async (tx) => {
    const change = await edit(tx);
    await appendAudit(tx, actor, {
      action,
      objectType: "product",
      objectId: productId,
      before: { images: change.before.map(({ url, alt, position }) => ({ url, alt, position })) },
      after: { images: change.after.map(({ url, alt, position }) => ({ url, alt, position })) },
    });
    return change;
  }, TRANSACTION_OPTIONS);
  return after;
}

async function changeImages(actor: SignedIn, productId: number, action: string, edit: Edit) {
  const after = await commitImages(actor, productId, action, edit);
  await invalidateProducts(productId);
  return after;
}

/** Checks and stores the upload, then adds it as the product's last image. */
export async function uploadProductImage(
  actor: SignedIn,
  productId: number,
  upload: { bytes: Uint8Array; name: string; alt: string },
): Promise<{ ok: true; images: ProductImageRow[] } | { ok: false; reason: string }> {
  // Nothing is decoded or written for a product that is not there, or already has all its images.
  const count = await db.image.count({ where: { productId } });
  if (count === 0 && !(await db.product.findUnique({ where: { id: productId }, select: { id: true } }))) {
    throw new CatalogWriteError("not_found", `no product ${productId}`);
  }
  if (count >= MAX_IMAGES) return { ok: false, reason: `A product has at most ${MAX_IMAGES} images.` };
  const stored = await storeProductImage(upload.bytes, upload.name);
  if (!stored.ok) return stored;
  const { url, width, height } = stored;
  let images: ProductImageRow[];
  try {
    images = await commitImages(actor, productId, "product.image.add", (tx) =>
      addImage(tx, productId, { url, alt: upload.alt, width, height }),
    );
  } catch (error) {
    // Not committed: the file would belong to no image.
    await removeUploadedImage(url);
    throw error;
  }
  await invalidateProducts(productId);
  return { ok: true, images };
}

/** Removes the image, then its file (an uploaded one; the seed's own files stay). */
export async function deleteProductImage(actor: SignedIn, productId: number, imageId: number) {
  let removed: ProductImageRow | undefined;
  const images = await changeImages(actor, productId, "product.image.remove", async (tx) => {
    const change = await removeImage(tx, productId, imageId);
    removed = change.before.find((image) => image.id === imageId);
    return change;
  });
  if (removed && !images.some((image) => image.url === removed!.url)) await removeUploadedImage(removed.url);
  return images;
}

export const orderProductImages = (actor: SignedIn, productId: number, imageIds: number[]) =>
  changeImages(actor, productId, "product.image.order", (tx) => orderImages(tx, productId, imageIds));
