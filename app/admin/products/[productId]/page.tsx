import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { productForEdit } from "@/lib/backoffice/products";
import { rowId } from "@/lib/http/row-id";
import { AddVariantForm } from "../../_components/add-variant-form";
import { ImageManager } from "../../_components/image-manager";
import { ProductForm } from "../../_components/product-form";
import { StockForm } from "../../_components/stock-form";
import { adminMetadata, adminOfPage } from "../../admin-gate";
import { SignInAgain } from "../../_components/sign-in-again";
import { categoryChoices } from "@/lib/backoffice/categories";

export const generateMetadata = (): Promise<Metadata> => adminMetadata("Edit product");

type Props = { params: Promise<{ productId: string }> };

/** One product for staff (admins only): its details and prices, its images, and each variant's stock. */
export default async function AdminProductPage({ params }: Props) {
  const admin = await adminOfPage();
  if (admin === "expired") return <SignInAgain />;
  const id = rowId((await params).productId);
  const [product, categories] = await Promise.all([id === null ? null : productForEdit(id), categoryChoices()]);
  if (!product) notFound();
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{product.name}</h1>
        <p className="text-sm text-stone-600">
          {product.status === "draft" ? "Draft · " : ""}
          {product.category.name} ·{" "}
          <Link href={`/products/${product.slug}`} className="text-brand-700 underline">
            its page in the store
          </Link>{" "}
          ·{" "}
          <Link href={`/admin/audit?objectType=product&objectId=${product.id}`} className="text-brand-700 underline">
            its changes
          </Link>
        </p>
      </div>
      <ProductForm product={product} categories={categories} />
      <ImageManager productId={product.id} images={product.images} />
      <section aria-labelledby="stock-heading" className="space-y-4">
        <h2 id="stock-heading" className="text-lg font-semibold">
          Stock
        </h2>
        {product.variants.map((variant) => (
          <div key={variant.id} className="space-y-2 rounded border border-stone-200 p-4">
            <p className="text-sm">
              <span className="font-mono">{variant.sku}</span> ({Object.values(variant.options).join(", ")}):{" "}
              <span className="font-semibold tabular-nums" data-testid={`stock-${variant.sku}`}>
                {variant.stock}
              </span>{" "}
              in stock
            </p>
            <StockForm variant={variant} />
          </div>
        ))}
        <h3 className="font-semibold">Add a variant</h3>
        <AddVariantForm productId={product.id} optionNames={product.optionNames} />
      </section>
    </div>
  );
}
