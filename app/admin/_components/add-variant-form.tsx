"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { adminFetch } from "./admin-fetch";
import { centsOf } from "./cents";
import { useHydrated } from "./use-hydrated";

const field = "mt-1 block w-40 rounded border border-stone-300 p-2";

/** A new variant of the product: its SKU, a value for each of the product's options, price and stock. */
export function AddVariantForm({ productId, optionNames }: { productId: number; optionNames: string[] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? "");
    const priceCents = centsOf(text("price"));
    if (priceCents === null) return setMessage({ text: "The price is not an amount, like 12.50.", error: true });
    setBusy(true);
    const added = await adminFetch(`/api/admin/products/${productId}/variants`, "POST", {
      sku: text("sku"),
      options: Object.fromEntries(optionNames.map((name) => [name, text(`option-${name}`)])),
      priceCents,
      stock: Number(text("stock") || 0),
    });
    setBusy(false);
    if (!added.ok) return setMessage({ text: added.message, error: true });
    setMessage({ text: "Variant added.", error: false });
    formElement.reset();
    router.refresh();
  }

  return (
    <form onSubmit={add} aria-label="Add a variant" className="flex flex-wrap items-end gap-3 text-sm">
      <label>
        SKU
        <input name="sku" required maxLength={160} className={field} />
      </label>
      {optionNames.map((name) => (
        <label key={name}>
          {name}
          <input name={`option-${name}`} required maxLength={80} className={field} />
        </label>
      ))}
      <label>
        Price
        <input name="price" required inputMode="decimal" className={field} />
      </label>
      <label>
        Stock
        <input name="stock" inputMode="numeric" defaultValue="0" className={field} />
      </label>
      <button
        type="submit"
        disabled={!hydrated || busy}
        className="rounded border border-brand-700 px-3 py-2 font-medium text-brand-700"
      >
        Add variant
      </button>
      <p role="status" className={message?.error ? "text-red-800" : "text-brand-900"}>
        {message?.text}
      </p>
    </form>
  );
}
