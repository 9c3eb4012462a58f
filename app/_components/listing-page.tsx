import type { Category, Listing } from "@/lib/catalog/types";
import type { ListingQuery } from "@/lib/catalog/listing-query";
import { ListingControls } from "./listing-controls";
import { Pagination } from "./pagination";
import { ProductGrid } from "./product-grid";

/** The body shared by /products and /categories/[slug]: controls, result count, grid, pagination. */
export function ListingPage({
  path,
  query,
  listing,
  categories,
}: {
  path: string;
  query: ListingQuery;
  listing: Listing;
  categories?: Category[];
}) {
  const pageCount = Math.max(1, Math.ceil(listing.total / listing.pageSize));
  const hrefFor = (page: number) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries({
      q: query.q,
      category: categories ? query.category : undefined,
      sort: query.sort,
    })) {
      if (value) params.set(name, value);
    }
    if (page > 1) params.set("page", String(page));
    const search = params.toString();
    return search ? `${path}?${search}` : path;
  };
  return (
    <>
      <ListingControls action={path} q={query.q} sort={query.sort} category={query.category} categories={categories} />
      <p className="mt-6 mb-4 text-sm text-stone-600" role="status">
        {listing.total === 0
          ? "No products match."
          : `${listing.total} ${listing.total === 1 ? "product" : "products"}${query.q ? ` for “${query.q}”` : ""}`}
      </p>
      <ProductGrid products={listing.products} label="Products" heading="h2" />
      <Pagination page={listing.page} pageCount={pageCount} hrefFor={hrefFor} />
    </>
  );
}
