import { describe, expect, it } from "vitest";
import type { ProductDetail, Variant } from "./types";
import { selectVariant, variantForChoice } from "./variants";

const variant = (id: number, size: string, colour: string, stock = 5): Variant => ({
  id,
  sku: `TEE-${size}-${colour}`.toUpperCase(),
  options: { Size: size, Colour: colour },
  priceCents: 1000 + id,
  stock,
  available: stock > 0,
});

const product = {
  defaultVariantId: 2,
  variants: [
    variant(1, "S", "Red", 0),
    variant(2, "S", "Blue"),
    variant(3, "M", "Red"),
    variant(4, "L", "Blue", 0),
    variant(5, "L", "Green"),
  ],
} as ProductDetail;

describe("selectVariant", () => {
  it("picks the variant named by SKU, else the default, else the first", () => {
    expect(selectVariant(product, "TEE-M-RED").id).toBe(3);
    expect(selectVariant(product, "NO-SUCH-SKU").id).toBe(2);
    expect(selectVariant(product, undefined).id).toBe(2);
    expect(selectVariant({ ...product, defaultVariantId: null }, null).id).toBe(1);
  });
});

describe("variantForChoice", () => {
  it("keeps the other options when that combination exists", () => {
    expect(variantForChoice(product, product.variants[1], "Size", "L")?.id).toBe(4);
    expect(variantForChoice(product, product.variants[2], "Colour", "Red")?.id).toBe(3);
  });

  it("otherwise prefers a variant in stock", () => {
    // M only exists in Red; L in Blue (sold out) and Green: from S/Red, L keeps nothing, so in stock wins.
    expect(variantForChoice(product, product.variants[0], "Size", "L")?.id).toBe(5);
  });

  it("answers null for a value no variant has", () => {
    expect(variantForChoice(product, product.variants[0], "Size", "XXL")).toBeNull();
  });
});
