/**
 * The value every library caches: a product as the catalog's API answers it (lib/catalog/types.ts
 * ProductDetail), about 1.2 KB of JSON with one Date. Deterministic per id.
 */
export function productValue(id: number) {
  const sizes = ["S", "M"];
  const colors = ["Slate", "Sand"];
  const variants = sizes.flatMap((size, i) =>
    colors.map((color, j) => ({
      id: id * 10 + i * 2 + j,
      sku: `BRK-${id}-${size}-${color.slice(0, 3).toUpperCase()}`,
      options: { Size: size, Color: color },
      priceCents: 2900 + 100 * i,
      stock: (id + i + j) % 7,
      available: (id + i + j) % 7 > 0,
    })),
  );
  return {
    id,
    slug: `linen-overshirt-${id}`,
    name: `Linen Overshirt No. ${id}`,
    description:
      "A relaxed overshirt in washed linen, cut boxy with dropped shoulders, two chest pockets and " +
      "horn-effect buttons. Light enough for summer evenings, warm enough layered over a tee.",
    status: "active" as const,
    category: { slug: "shirts", name: "Shirts" },
    images: [1, 2].map((n) => ({
      url: `/media/products/${id}-${n}.webp`,
      alt: `Linen Overshirt No. ${id}, view ${n}`,
      width: 1200,
      height: 1500,
    })),
    currency: "EUR",
    minPriceCents: 2900,
    inStock: true,
    defaultVariantId: id * 10,
    options: [
      { name: "Size", values: sizes },
      { name: "Color", values: colors },
    ],
    variants,
    updatedAt: new Date(Date.UTC(2026, 10, 1, 12, 0, 0) + id * 1000),
  };
}

export type Product = ReturnType<typeof productValue>;
