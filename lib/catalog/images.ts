import type { Prisma } from "../generated/prisma/client.ts";
import { CatalogWriteError } from "./errors";

/**
 * A product's images, in the caller's transaction: added last, removed, or put in a new order (the first
 * is the one listings show). Each answers the product's images before and after, for the audit log.
 */

export interface ProductImageRow {
  id: number;
  url: string;
  alt: string;
  width: number;
  height: number;
  position: number;
}

/** Images one product may have: a gallery, not an archive. */
export const MAX_IMAGES = 20;

const IMAGE_FIELDS = { id: true, url: true, alt: true, width: true, height: true, position: true } as const;

/** The product's images in order; the product row locked, so two changes of its images run one after the other. */
async function lockedImages(tx: Prisma.TransactionClient, productId: number): Promise<ProductImageRow[]> {
  const locked = await tx.$queryRaw<
    { id: number }[]
  >`SELECT id FROM products WHERE id = ${productId} FOR NO KEY UPDATE`;
  if (locked.length === 0) throw new CatalogWriteError("not_found", `no product ${productId}`);
  return tx.image.findMany({
    where: { productId },
    select: IMAGE_FIELDS,
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
}

type Change = { before: ProductImageRow[]; after: ProductImageRow[] };

async function changed(tx: Prisma.TransactionClient, productId: number, before: ProductImageRow[]): Promise<Change> {
  const after = await tx.image.findMany({
    where: { productId },
    select: IMAGE_FIELDS,
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  return { before, after };
}

export async function addImage(
  tx: Prisma.TransactionClient,
  productId: number,
  image: { url: string; alt: string; width: number; height: number },
): Promise<Change> {
  const before = await lockedImages(tx, productId);
  if (before.length >= MAX_IMAGES) {
    throw new CatalogWriteError("invalid_input", `A product has at most ${MAX_IMAGES} images.`);
  }
  await tx.image.create({ data: { ...image, productId, position: (before.at(-1)?.position ?? -1) + 1 } });
  return changed(tx, productId, before);
}

export async function removeImage(tx: Prisma.TransactionClient, productId: number, imageId: number): Promise<Change> {
  const before = await lockedImages(tx, productId);
  const { count } = await tx.image.deleteMany({ where: { id: imageId, productId } });
  if (count === 0) throw new CatalogWriteError("not_found", `product ${productId} has no image ${imageId}`);
  return changed(tx, productId, before);
}

/** `imageIds`: every image of the product, once each, in the new order. */
export async function orderImages(
  tx: Prisma.TransactionClient,
  productId: number,
  imageIds: number[],
): Promise<Change> {
  const before = await lockedImages(tx, productId);
  const current = before.map((image) => image.id).sort((a, b) => a - b);
  if (JSON.stringify([...imageIds].sort((a, b) => a - b)) !== JSON.stringify(current)) {
    throw new CatalogWriteError("invalid_input", "imageIds: every image of the product, once each");
  }
  for (const [position, id] of imageIds.entries()) await tx.image.update({ where: { id }, data: { position } });
  return changed(tx, productId, before);
}
