import { describe, expect, it } from "vitest";
import { CATEGORIES, generateCatalog } from "./catalog";

describe("generateCatalog", () => {
  const products = generateCatalog(500);

  it("is deterministic", () => {
    expect(generateCatalog(500)).toEqual(products);
    // A smaller catalog is the start of a larger one: tests can seed fewer products.
    expect(generateCatalog(50)).toEqual(products.slice(0, 50));
  });

  it("spans 10+ categories with unique slugs and SKUs", () => {
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(10);
    expect(new Set(products.map((p) => p.categorySlug)).size).toBe(CATEGORIES.length);
    expect(new Set(products.map((p) => p.slug)).size).toBe(products.length);
    const skus = products.flatMap((p) => p.variants.map((v) => v.sku));
    expect(new Set(skus).size).toBe(skus.length);
  });

  it("gives each product 1–6 variants with distinct prices, over its options", () => {
    for (const product of products) {
      expect(product.variants.length).toBeGreaterThanOrEqual(1);
      expect(product.variants.length).toBeLessThanOrEqual(6);
      expect(new Set(product.variants.map((v) => v.priceCents)).size).toBe(product.variants.length);
      for (const v of product.variants) expect(Object.keys(v.options).sort()).toEqual([...product.optionNames].sort());
    }
    expect(products.some((p) => p.variants.length === 6)).toBe(true);
    expect(products.some((p) => p.optionNames.length === 2)).toBe(true);
  });

  it("has products out of stock, some partly, some entirely", () => {
    const soldOut = products.filter((p) => p.variants.every((v) => v.stock === 0));
    const partly = products.filter((p) => p.variants.some((v) => v.stock === 0) && p.variants.some((v) => v.stock > 0));
    expect(soldOut.length).toBeGreaterThan(10);
    expect(partly.length).toBeGreaterThan(10);
  });
});
