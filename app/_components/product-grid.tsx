import type { ProductSummary } from "@/lib/catalog/types";
import { ProductCard } from "./product-card";

/**
 * Cards under a page's h1 (a listing) take h2 headings; under a section's h2, h3 (the default). The first
 * row's images load first (`priorityCount`), unless the grid sits below the fold.
 */
export function ProductGrid({
  products,
  label,
  heading,
  priorityCount = 4,
}: {
  products: ProductSummary[];
  label: string;
  heading?: "h2" | "h3";
  priorityCount?: number;
}) {
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((product, index) => (
        <li key={product.id}>
          <ProductCard product={product} priority={index < priorityCount} heading={heading} />
        </li>
      ))}
    </ul>
  );
}
