import type { ProductSummary } from "@/lib/catalog/types";
import { ProductGrid } from "../product-grid";

/** A titled row of products below the fold (recently viewed, trending): its images load lazily. */
export function ProductRow({ id, title, products }: { id: string; title: string; products: ProductSummary[] }) {
  return (
    <section aria-labelledby={id} className="mt-16">
      <h2 id={id} className="mb-4 text-xl font-semibold">
        {title}
      </h2>
      <ProductGrid products={products} label={title} priorityCount={0} />
    </section>
  );
}
