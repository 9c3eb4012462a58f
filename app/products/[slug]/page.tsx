import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRelatedProducts } from "@/lib/catalog/queries";
import { selectVariant } from "@/lib/catalog/variants";
import { AddToCart } from "../../_components/cart/add-to-cart";
import { Price } from "../../_components/price";
import { ProductGallery } from "../../_components/product-gallery";
import { ProductGrid } from "../../_components/product-grid";
import { StockStatus } from "../../_components/stock-status";
import { VariantPicker } from "../../_components/variant-picker";
import { JsonLd } from "../../_seo/json-ld";
import { productMetadata } from "../../_seo/page-metadata";
import { NOT_INDEXED } from "../../_seo/site";
import { breadcrumbJsonLd, productJsonLd } from "../../_seo/structured-data";
import { findProduct } from "./find-product";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ variant?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await findProduct((await params).slug);
  return product ? productMetadata(product) : { title: "Not found", robots: NOT_INDEXED };
}

export default async function ProductPage({ params, searchParams }: Props) {
  const product = await findProduct((await params).slug);
  if (!product) notFound();
  const { variant: requested } = await searchParams;
  const variant = selectVariant(product, Array.isArray(requested) ? requested[0] : requested);
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
          <p className="mt-3 text-2xl font-semibold" data-testid="price">
            <Price cents={variant.priceCents} currency={product.currency} />
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-500">
            <StockStatus stock={variant.stock} />
            <span>SKU {variant.sku}</span>
          </div>
          <div className="mt-6">
            <VariantPicker product={product} selected={variant} />
          </div>
          <AddToCart key={variant.id} variantId={variant.id} soldOut={!variant.available} />
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
    </article>
  );
}
