import Link from "next/link";
import type { ProductSummary } from "@/lib/catalog/types";
import { Price } from "./price";
import { ProductImage } from "./product-image";

/**
 * A product in a grid. No prefetch: product pages render per request, so prefetching every card a listing
 * shows would cost the server one render per card (16 to 24 per page view) for pages mostly never opened.
 */
export function ProductCard({
  product,
  priority = false,
  heading: Heading = "h3",
}: {
  product: ProductSummary;
  priority?: boolean;
  /** The card's heading level: one below the heading the grid stands under. */
  heading?: "h2" | "h3";
}) {
  return (
    <Link href={`/products/${product.slug}`} prefetch={false} className="card">
      <div className="card-media">
        {product.image && (
          <ProductImage
            src={product.image.url}
            alt={product.image.alt}
            sizes="(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw"
            priority={priority}
            className="card-image"
          />
        )}
        {!product.inStock && (
          <span className="absolute left-2 top-2 rounded bg-white/90 px-2 py-0.5 text-xs font-medium text-stone-700">
            Out of stock
          </span>
        )}
      </div>
      <Heading className="card-title">{product.name}</Heading>
      <p className="mt-1 text-sm font-semibold">
        <Price cents={product.minPriceCents} currency={product.currency} from />
      </p>
    </Link>
  );
}
