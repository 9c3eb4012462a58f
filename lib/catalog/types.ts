/** The shapes the catalog hands to pages and APIs (`GET /api/products/[slug]` answers `{ product: ProductDetail }`). Money is integer cents. */

export interface CategoryRef {
  slug: string;
  name: string;
}

export interface Category extends CategoryRef {
  description: string;
  productCount: number;
}

export interface ImageRef {
  url: string;
  alt: string;
  width: number;
  height: number;
}

export interface ProductOption {
  name: string;
  values: string[];
}

export interface Variant {
  id: number;
  sku: string;
  options: Record<string, string>;
  priceCents: number;
  stock: number;
  available: boolean;
}

export interface ProductDetail {
  id: number;
  slug: string;
  name: string;
  description: string;
  status: "active" | "archived";
  category: CategoryRef;
  images: ImageRef[];
  currency: string;
  minPriceCents: number;
  inStock: boolean;
  defaultVariantId: number | null;
  options: ProductOption[];
  variants: Variant[];
  updatedAt: Date;
}

export interface ProductSummary {
  id: number;
  slug: string;
  name: string;
  currency: string;
  minPriceCents: number;
  inStock: boolean;
  image: ImageRef | null;
}

export interface Listing {
  products: ProductSummary[];
  page: number;
  pageSize: number;
  total: number;
}

/** A variant with what a cart line shows of its product. */
export interface VariantWithProduct extends Variant {
  product: {
    id: number;
    slug: string;
    name: string;
    status: "active" | "archived";
    currency: string;
    image: ImageRef | null;
  };
}
