import { ProductStatus } from "../generated/prisma/enums.ts";

/**
 * A product's status as the back office and the CSV name it: a draft is being prepared and never shown in
 * the store; an active product is for sale; an archived one is no longer sold (orders still name it).
 */
export const PRODUCT_STATUSES = ["draft", "active", "archived"] as const;

export type ProductStatusName = (typeof PRODUCT_STATUSES)[number];

const STORED: Record<ProductStatusName, ProductStatus> = {
  draft: ProductStatus.DRAFT,
  active: ProductStatus.ACTIVE,
  archived: ProductStatus.ARCHIVED,
};

export const storedStatus = (name: ProductStatusName): ProductStatus => STORED[name];

export const statusName = (stored: ProductStatus): ProductStatusName =>
  stored === ProductStatus.DRAFT ? "draft" : stored === ProductStatus.ARCHIVED ? "archived" : "active";

export const isStatusName = (value: unknown): value is ProductStatusName =>
  (PRODUCT_STATUSES as readonly unknown[]).includes(value);
