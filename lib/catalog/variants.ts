import type { ProductDetail, Variant } from "./types";

/** Choosing among a product's variants (pure functions: the product page and its tests use them). */

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
