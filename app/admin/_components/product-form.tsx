"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { formatMoney } from "@/lib/money";
import { adminFetch } from "./admin-fetch";
import { centsOf } from "./cents";
import { useHydrated } from "./use-hydrated";
import { CategoryOptions, type CategoryChoice } from "./category-options";

interface Props {
  categories: CategoryChoice[];
  product: {
    id: number;
    version: number;
    name: string;
    description: string;
    status: "draft" | "active" | "archived";
    category: { id: number };
    currency: string;
    variants: { id: number; sku: string; priceCents: number }[];
  };
}

/**
 * A product's details and prices. The save carries the version the page was opened at: if someone saved
 * the product since, nothing is saved and the form says so, and reloading the page shows the other save.
 */
export function ProductForm({ product, categories }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  // The version the next save builds on: the page's, then each save's own (the form stays as typed).
  const [version, setVersion] = useState(product.version);
  const hydrated = useHydrated();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const variants = product.variants.map((variant) => ({
      variantId: variant.id,
      priceCents: centsOf(String(form.get(`price-${variant.id}`) ?? "")),
    }));
    const unpriced = product.variants.find((_, i) => variants[i].priceCents === null);
    if (unpriced) return setMessage({ text: `The price of ${unpriced.sku} is not an amount.`, error: true });
    setSaving(true);
    const saved = await adminFetch<{ product: { version: number } }>(`/api/admin/products/${product.id}`, "PATCH", {
      version,
      name: form.get("name"),
      description: form.get("description"),
      categoryId: Number(form.get("categoryId")),
      status: form.get("status"),
      variants,
    });
    setSaving(false);
    setMessage(saved.ok ? { text: "Saved.", error: false } : { text: saved.message, error: true });
    if (!saved.ok) return;
    setVersion(saved.data.product.version);
    router.refresh();
  }

  return (
    <form onSubmit={save} aria-label="Product details" className="space-y-4">
      <label className="block">
        <span className="text-sm font-medium">Name</span>
        <input
          name="name"
          defaultValue={product.name}
          required
          maxLength={200}
          className="mt-1 w-full rounded border border-stone-300 p-2"
        />
      </label>
      <label className="block">
        <span className="text-sm font-medium">Description</span>
        <textarea
          name="description"
          defaultValue={product.description}
          required
          maxLength={5000}
          rows={4}
          className="mt-1 w-full rounded border border-stone-300 p-2"
        />
      </label>
      <label className="block">
        <span className="text-sm font-medium">Category</span>
        <select
          name="categoryId"
          defaultValue={product.category.id}
          className="mt-1 block rounded border border-stone-300 p-2"
        >
          <CategoryOptions categories={categories} />
        </select>
      </label>
      <label className="block">
        <span className="text-sm font-medium">Status</span>
        <select name="status" defaultValue={product.status} className="mt-1 block rounded border border-stone-300 p-2">
          <option value="draft">Draft (not in the store yet)</option>
          <option value="active">Active (for sale)</option>
          <option value="archived">Archived (hidden from the store)</option>
        </select>
      </label>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Prices ({product.currency})</legend>
        {product.variants.map((variant) => (
          <label key={variant.id} className="flex items-center gap-3">
            <span className="w-48 font-mono text-sm">{variant.sku}</span>
            <input
              name={`price-${variant.id}`}
              aria-label={`Price of ${variant.sku}`}
              defaultValue={(variant.priceCents / 100).toFixed(2)}
              inputMode="decimal"
              className="w-32 rounded border border-stone-300 p-2"
            />
            <span className="text-sm text-stone-600">now {formatMoney(variant.priceCents, product.currency)}</span>
          </label>
        ))}
      </fieldset>
      <button
        type="submit"
        disabled={!hydrated || saving}
        className="rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60"
      >
        Save
      </button>
      <p role="status" className={message?.error ? "text-red-800" : "text-brand-900"}>
        {message?.text}
      </p>
    </form>
  );
}
