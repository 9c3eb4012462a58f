import type { ProductDetail, Variant, VariantWithProduct } from "./types";

/** Choosing among a product's variants, and whether one is for sale (pure functions). */

/** A product is for sale while it is active: archived products stay readable (orders name them) but unsold. */
export function isForSale(product: { status: "active" | "archived" } | null | undefined): boolean {
  return product?.status === "active";
}

/** How many of a variant a shopper may buy now: its stock while its product is for sale, else none. */
export function stockForSale(variant: VariantWithProduct | null): number {
  return variant && isForSale(variant.product) ? Math.max(0, variant.stock) : 0;
}

/** The variant with `sku`, else the default variant, else the first. */
export function selectVariant(product: ProductDetail, sku?: string | null): Variant {
  return (
    product.variants.find((variant) => variant.sku === sku) ??
    product.variants.find((variant) => variant.id === product.defaultVariantId) ??
    product.variants[0]
  );
}

/**
 * The variant to switch to when the shopper picks `value` for `option` while `current` is chosen: the one
 * that keeps every other choice if it exists, else the one keeping the most of them, in stock first.
 */
export function variantForChoice(
  product: ProductDetail,
  current: Variant,
  option: string,
  value: string,
): Variant | null {
  const candidates = product.variants.filter((variant) => variant.options[option] === value);
  const kept = (variant: Variant) =>
    Object.entries(current.options).filter(([name, v]) => name !== option && variant.options[name] === v).length;
  const ranked = candidates
    .map((variant, index) => ({ variant, index, kept: kept(variant) }))
    .sort((a, b) => b.kept - a.kept || Number(b.variant.available) - Number(a.variant.available) || a.index - b.index);
  return ranked[0]?.variant ?? null;
}

/** The product with these stock levels (`variantId → stock`) in place of the ones it was loaded with. */
export function withStockLevels(product: ProductDetail, levels: ReadonlyMap<number, number>): ProductDetail {
  const variants = product.variants.map((variant) => {
    const stock = levels.get(variant.id);
    return stock === undefined ? variant : { ...variant, stock, available: stock > 0 };
  });
  return { ...product, variants, inStock: variants.some((variant) => variant.available) };
}
