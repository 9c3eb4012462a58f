"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { adminFetch } from "./admin-fetch";
import { useHydrated } from "./use-hydrated";

const REASONS = [
  ["received", "Received"],
  ["counted", "Counted"],
  ["damaged", "Damaged"],
] as const;

/** One variant's stock adjustment: a change (negative takes away) and its reason. */
export function StockForm({ variant }: { variant: { id: number; sku: string; stock: number } }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);

  async function adjust(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const delta = Number(form.get("delta"));
    if (!Number.isInteger(delta) || delta === 0) {
      return setMessage({ text: "The change is a whole number other than 0.", error: true });
    }
    setBusy(true);
    const adjusted = await adminFetch<{ after: number }>(`/api/admin/variants/${variant.id}/stock`, "POST", {
      delta,
      reason: form.get("reason"),
    });
    setBusy(false);
    if (!adjusted.ok) return setMessage({ text: adjusted.message, error: true });
    setMessage({ text: `Stock is now ${adjusted.data.after}.`, error: false });
    formElement.reset();
    router.refresh();
  }

  return (
    <form onSubmit={adjust} aria-label={`Stock of ${variant.sku}`} className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col text-sm">
        Change by
        <input name="delta" inputMode="numeric" required className="w-24 rounded border border-stone-300 p-2" />
      </label>
      <label className="flex flex-col text-sm">
        Reason
        <select name="reason" className="rounded border border-stone-300 p-2">
          {REASONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        disabled={!hydrated || busy}
        className="rounded border border-brand-700 px-3 py-2 text-sm font-medium text-brand-700"
      >
        Adjust
      </button>
      <p role="status" className={`text-sm ${message?.error ? "text-red-800" : "text-brand-900"}`}>
        {message?.text}
      </p>
    </form>
  );
}
