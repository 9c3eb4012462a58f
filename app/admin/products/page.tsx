import type { Metadata } from "next";
import Link from "next/link";
import { findProducts } from "@/lib/backoffice/products";
import { isStatusName } from "@/lib/catalog/status";
import { rowId } from "@/lib/http/row-id";
import { Price } from "../../_components/price";
import { adminMetadata, adminOfPage } from "../admin-gate";
import { CatalogImport } from "../_components/catalog-import";
import { SignInAgain } from "../_components/sign-in-again";
import { categoryChoices } from "@/lib/backoffice/categories";
import { CategoryOptions } from "../_components/category-options";

export const generateMetadata = (): Promise<Metadata> => adminMetadata("Products");

type Props = { searchParams: Promise<{ q?: string; status?: string; category?: string; stock?: string }> };

/** The catalog for staff (admins only): found by name or SKU, status, category and stock, with total stock. */
export default async function AdminProductsPage({ searchParams }: Props) {
  const admin = await adminOfPage();
  if (admin === "expired") return <SignInAgain />;
  const params = await searchParams;
  const q = params.q?.trim().slice(0, 200) || undefined;
  const status = isStatusName(params.status) ? params.status : undefined;
  const categories = await categoryChoices();
  const categoryId = rowId(params.category ?? "") ?? undefined;
  const stock = params.stock === "in" || params.stock === "out" ? params.stock : undefined;
  const products = await findProducts({ q, status, categoryId, stock, limit: 100 });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Products</h1>
        <p className="flex gap-4 text-sm font-medium">
          <Link href="/admin/products/new" className="text-brand-700 underline">
            New product
          </Link>
          <a href="/api/admin/products/export" download className="text-brand-700 underline">
            Export all as CSV
          </a>
        </p>
      </div>
      <form role="search" aria-label="Find products" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          Name or SKU
          <input name="q" defaultValue={q ?? ""} maxLength={200} className="rounded border border-stone-300 p-2" />
        </label>
        <label className="flex flex-col gap-1">
          Status
          <select name="status" defaultValue={status ?? ""} className="rounded border border-stone-300 p-2">
            <option value="">Any</option>
            <option value="draft">Draft</option>
            <option value="active">Active</option>
            <option value="archived">Archived</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Category
          <select name="category" defaultValue={categoryId ?? ""} className="rounded border border-stone-300 p-2">
            <option value="">Any</option>
            <CategoryOptions categories={categories} />
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Stock
          <select name="stock" defaultValue={stock ?? ""} className="rounded border border-stone-300 p-2">
            <option value="">Any</option>
            <option value="in">In stock</option>
            <option value="out">Sold out</option>
          </select>
        </label>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
          Find
        </button>
      </form>
      {products.length === 0 ? (
        <p className="text-stone-600">No product matches.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-stone-200">
              <th scope="col" className="py-2">
                Product
              </th>
              <th scope="col">Category</th>
              <th scope="col">Status</th>
              <th scope="col">From</th>
              <th scope="col">Stock</th>
            </tr>
          </thead>
          <tbody>
            {products.map((product) => (
              <tr key={product.id} className="border-b border-stone-100">
                <td className="py-2">
                  <Link href={`/admin/products/${product.id}`} className="font-medium text-brand-700 underline">
                    {product.name}
                  </Link>
                </td>
                <td>{product.category}</td>
                <td>{product.status}</td>
                <td>
                  <Price cents={product.minPriceCents} currency={product.currency} />
                </td>
                <td className="tabular-nums">{product.stock}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CatalogImport />
    </div>
  );
}
