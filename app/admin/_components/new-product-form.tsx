"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { adminFetch } from "./admin-fetch";
import { centsOf } from "./cents";
import { useHydrated } from "./use-hydrated";
import { CategoryOptions, type CategoryChoice } from "./category-options";

const field = "mt-1 w-full rounded border border-stone-300 p-2";

/** The option names typed as "Size, Colour": trimmed, blanks left out. */
const namesOf = (text: string) =>
  text
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);

/**
 * A new product with its first variant; more variants, images and stock are added on its page. It starts
 * as a draft, which the store does not show, unless another status is chosen.
 */
export function NewProductForm({ categories }: { categories: CategoryChoice[] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [optionNames, setOptionNames] = useState<string[]>([]);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const priceCents = centsOf(text("price"));
    if (priceCents === null) return setMessage("The price is not an amount, like 12.50.");
    setBusy(true);
    const created = await adminFetch<{ product: { id: number } }>("/api/admin/products", "POST", {
      slug: text("slug"),
      name: text("name"),
      description: text("description"),
      categoryId: Number(text("categoryId")),
      status: text("status"),
      optionNames,
      variant: {
        sku: text("sku"),
        options: Object.fromEntries(optionNames.map((name) => [name, text(`option-${name}`)])),
        priceCents,
        stock: Number(text("stock") || 0),
      },
    });
    setBusy(false);
    if (!created.ok) return setMessage(created.message);
    router.push(`/admin/products/${created.data.product.id}`);
  }

  return (
    <form onSubmit={create} aria-label="New product" className="max-w-xl space-y-4">
      <label className="block text-sm font-medium">
        Name
        <input name="name" required maxLength={200} className={field} />
      </label>
      <label className="block text-sm font-medium">
        Address (slug): lowercase letters, digits and dashes; it does not change later
        <input name="slug" required maxLength={120} pattern="[a-z0-9]+(-[a-z0-9]+)*" className={field} />
      </label>
      <label className="block text-sm font-medium">
        Description
        <textarea name="description" required maxLength={5000} rows={4} className={field} />
      </label>
      <label className="block text-sm font-medium">
        Category
        <select name="categoryId" className={field}>
          <CategoryOptions categories={categories} />
        </select>
      </label>
      <label className="block text-sm font-medium">
        Status
        <select name="status" defaultValue="draft" className={field}>
          <option value="draft">Draft (not in the store yet)</option>
          <option value="active">Active (for sale)</option>
        </select>
      </label>
      <label className="block text-sm font-medium">
        Options the variants vary by, separated by commas (none, or for example: Size, Colour)
        <input name="optionNames" onChange={(event) => setOptionNames(namesOf(event.target.value))} className={field} />
      </label>
      <fieldset className="space-y-3 rounded border border-stone-200 p-4">
        <legend className="px-1 text-sm font-medium">First variant</legend>
        <label className="block text-sm">
          SKU
          <input name="sku" required maxLength={160} className={field} />
        </label>
        {optionNames.map((name) => (
          <label key={name} className="block text-sm">
            {name}
            <input name={`option-${name}`} required maxLength={80} className={field} />
          </label>
        ))}
        <label className="block text-sm">
          Price
          <input name="price" required inputMode="decimal" className={field} />
        </label>
        <label className="block text-sm">
          Stock
          <input name="stock" inputMode="numeric" defaultValue="0" className={field} />
        </label>
      </fieldset>
      <button
        type="submit"
        disabled={!hydrated || busy}
        className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white"
      >
        Create product
      </button>
      <p role="status" className="text-sm text-red-800">
        {message}
      </p>
    </form>
  );
}
