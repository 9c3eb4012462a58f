import type { SignedIn } from "../auth/current-user";
import { addImage, orderImages, removeImage, type ProductImageRow } from "../catalog/images";
import { invalidateProducts } from "../catalog/mutations";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client.ts";
import { removeUploadedImage, storeProductImage } from "../media/upload";
import { appendAudit } from "./audit";

/**
 * A product's images from the back office: each change and its audit entry in one transaction, then the
 * product invalidated on every instance (its page and the listings show the first image). An uploaded
 * file is written before the transaction and removed again if the transaction fails; a removed image's
 * file is deleted only after its row is gone for good.
 */

type Edit = (tx: Prisma.TransactionClient) => Promise<{ before: ProductImageRow[]; after: ProductImageRow[] }>;

async function changeImages(actor: SignedIn, productId: number, action: string, edit: Edit) {
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
  });
  await invalidateProducts(productId);
  return after;
}

/** Checks and stores the upload, then adds it as the product's last image. */
export async function uploadProductImage(
  actor: SignedIn,
  productId: number,
  upload: { bytes: Uint8Array; name: string; alt: string },
): Promise<{ ok: true; images: ProductImageRow[] } | { ok: false; reason: string }> {
  const stored = await storeProductImage(upload.bytes, upload.name);
  if (!stored.ok) return stored;
  const { url, width, height } = stored;
  try {
    const images = await changeImages(actor, productId, "product.image.add", (tx) =>
      addImage(tx, productId, { url, alt: upload.alt, width, height }),
    );
    return { ok: true, images };
  } catch (error) {
    await removeUploadedImage(url);
    throw error;
  }
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
