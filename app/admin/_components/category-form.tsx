"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { adminFetch } from "./admin-fetch";
import { useHydrated } from "./use-hydrated";

const field = "mt-1 block w-full rounded border border-stone-300 p-2";

type Category = { id: number; slug: string; name: string; description: string; position: number };

/** A category's name, description and place in the menu; or, without `category`, a new category. */
export function CategoryForm({ category }: { category?: Category }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const fields = {
      name: form.get("name"),
      description: form.get("description"),
      position: Number(form.get("position") || 0),
    };
    setBusy(true);
    const saved = category
      ? await adminFetch(`/api/admin/categories/${category.id}`, "PATCH", fields)
      : await adminFetch("/api/admin/categories", "POST", { slug: form.get("slug"), ...fields });
    setBusy(false);
    if (!saved.ok) return setMessage({ text: saved.message, error: true });
    setMessage({ text: category ? "Saved." : "Category created.", error: false });
    if (!category) formElement.reset();
    router.refresh();
  }

  const label = category ? `Category ${category.name}` : "New category";
  return (
    <form
      onSubmit={save}
      aria-label={label}
      className="grid gap-3 text-sm sm:grid-cols-[1fr_2fr_6rem_auto] sm:items-end"
    >
      {!category && (
        <label className="sm:col-span-4">
          Address (slug): lowercase letters, digits and dashes; it does not change later
          <input name="slug" required maxLength={120} pattern="[a-z0-9]+(-[a-z0-9]+)*" className={field} />
        </label>
      )}
      <label>
        Name
        <input name="name" required maxLength={80} defaultValue={category?.name} className={field} />
      </label>
      <label>
        Description
        <input name="description" required maxLength={1000} defaultValue={category?.description} className={field} />
      </label>
      <label>
        Place
        <input name="position" inputMode="numeric" defaultValue={category?.position ?? 0} className={field} />
      </label>
      <button
        type="submit"
        disabled={!hydrated || busy}
        className="rounded border border-brand-700 px-3 py-2 font-medium text-brand-700"
      >
        {category ? "Save" : "Create category"}
      </button>
      <p role="status" className={`sm:col-span-4 ${message?.error ? "text-red-800" : "text-brand-900"}`}>
        {message?.text}
      </p>
    </form>
  );
}
