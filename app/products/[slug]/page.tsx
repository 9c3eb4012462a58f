import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getRelatedProducts } from "@/lib/catalog/queries";
import { selectVariant } from "@/lib/catalog/variants";
import { RecentlyViewed } from "../../_components/activity/recently-viewed";
import { ProductGallery } from "../../_components/product-gallery";
import { ProductGrid } from "../../_components/product-grid";
import { ProductPurchase, PurchasePanel } from "../../_components/product-purchase";
import { JsonLd } from "../../_seo/json-ld";
import { productMetadata } from "../../_seo/page-metadata";
import { NOT_INDEXED } from "../../_seo/site";
import { breadcrumbJsonLd, productJsonLd } from "../../_seo/structured-data";
import { findProduct } from "./find-product";

type Props = { params: Promise<{ slug: string }> };

/**
 * Rendered on a product's first view, then served from the route cache (docs/page-cache.md) until a write
 * invalidates the product's data: no product is rendered at build time.
 */
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await findProduct((await params).slug);
  return product ? productMetadata(product) : { title: "Not found", robots: NOT_INDEXED };
}

export default async function ProductPage({ params }: Props) {
  const product = await findProduct((await params).slug);
  if (!product) notFound();
  const variant = selectVariant(product);
  const related = await getRelatedProducts(product.id);

  return (
    <article>
      <JsonLd
        data={[
          productJsonLd(product, variant),
          breadcrumbJsonLd([
            { name: "Home", path: "/" },
            { name: product.category.name, path: `/categories/${product.category.slug}` },
            { name: product.name, path: `/products/${product.slug}` },
          ]),
        ]}
      />
      <nav aria-label="Breadcrumb" className="mb-6 text-sm text-stone-500">
        <Link href="/" className="hover:text-brand-700">
          Home
        </Link>
        {" / "}
        <Link href={`/categories/${product.category.slug}`} className="hover:text-brand-700">
          {product.category.name}
        </Link>
      </nav>
      <div className="grid gap-8 md:grid-cols-2">
        <ProductGallery images={product.images} />
        <div>
          <h1 className="text-3xl font-bold tracking-tight">{product.name}</h1>
          <Suspense fallback={<PurchasePanel product={product} variant={variant} />}>
            <ProductPurchase product={product} />
          </Suspense>
          <p className="mt-8 leading-relaxed text-stone-700">{product.description}</p>
        </div>
      </div>
      {related.length > 0 && (
        <section aria-labelledby="related-heading" className="mt-16">
          <h2 id="related-heading" className="mb-4 text-xl font-semibold">
            You may also like
          </h2>
          <ProductGrid products={related} label="Related products" />
        </section>
      )}
      <RecentlyViewed />
    </article>
  );
}
