"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useHydrated } from "./use-hydrated";

type Counts = { products: number; variants: number };
type Imported = { created: Counts; updated: Counts; unchanged: Counts };
type Refused = { line: number; sku: string | null; problems: string[] }[];
type Answer = Imported & { error?: { message: string; details?: { refused: Refused } } };

/** Sends a CSV file to the import route and shows what it did, or every row it refused and why. */
export function CatalogImport() {
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; error: boolean; refused?: Refused } | null>(null);

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) return setResult({ text: "Choose a CSV file.", error: true });
    setBusy(true);
    try {
      const response = await fetch("/api/admin/products/import", {
        method: "POST",
        headers: { "Content-Type": "text/csv" },
        body: file,
      });
      const answer = (await response.json()) as Answer;
      if (!response.ok) {
        const text = answer.error?.message ?? `The store answered ${response.status}.`;
        return setResult({ text, error: true, refused: answer.error?.details?.refused });
      }
      const { created, updated, unchanged } = answer;
      setResult({
        text:
          `Imported: ${created.products} products and ${created.variants} variants created, ` +
          `${updated.products} products and ${updated.variants} variants changed, ` +
          `${unchanged.variants} variants unchanged.`,
        error: false,
      });
      router.refresh();
    } catch {
      setResult({ text: "The store cannot be reached. Nothing was imported; try again.", error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="import-heading" className="space-y-3 rounded border border-stone-200 p-4">
      <h2 id="import-heading" className="font-semibold">
        Import products from CSV
      </h2>
      <p className="text-sm text-stone-600">
        The export&apos;s columns. Every row is checked first: one refused row imports nothing. A stock moves by the
        change made to it in the file (stock less stock_at_export), so sales since the export are kept.
      </p>
      <form onSubmit={upload} className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          CSV file
          <input type="file" name="file" accept=".csv,text/csv" required />
        </label>
        <button
          type="submit"
          disabled={!hydrated || busy}
          className="rounded border border-brand-700 px-3 py-2 font-medium text-brand-700"
        >
          Import
        </button>
      </form>
      <p role="status" className={`text-sm ${result?.error ? "text-red-800" : "text-brand-900"}`}>
        {result?.text}
      </p>
      {result?.refused && (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Refused rows</caption>
          <thead>
            <tr className="border-b border-stone-200">
              <th scope="col">Line</th>
              <th scope="col">SKU</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {result.refused.map((row) => (
              <tr key={row.line} className="border-b border-stone-100 align-top">
                <td className="tabular-nums">{row.line}</td>
                <td>{row.sku ?? "–"}</td>
                <td>{row.problems.join("; ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
