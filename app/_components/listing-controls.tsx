import type { Category } from "@/lib/catalog/types";
import { SORTS, type Sort } from "@/lib/catalog/listing-query";

const SORT_LABELS: Record<Sort, string> = {
  newest: "Newest",
  trending: "Trending now",
  "price-asc": "Price, low to high",
  "price-desc": "Price, high to low",
  name: "Name",
};

interface Props {
  action: string;
  q?: string;
  sort?: Sort;
  category?: string;
  categories?: Category[];
}

/**
 * Search, category and sort as one GET form: shareable URLs, no JavaScript needed, keyboard friendly.
 * `autoComplete="off"`: after Back, the browser would restore the choices last made in the form (the next
 * page's), so the form would disagree with the URL and the results; off, it shows the page's own query.
 */
export function ListingControls({ action, q, sort, category, categories }: Props) {
  const field = "rounded-md border border-stone-300 bg-white px-3 py-2 text-sm";
  return (
    <form
      action={action}
      method="get"
      autoComplete="off"
      className="flex flex-wrap items-end gap-3"
      aria-label="Filter products"
    >
      <label className="flex flex-col gap-1 text-xs font-medium text-stone-600">
        Search
        <input name="q" type="search" defaultValue={q} maxLength={200} autoComplete="off" className={field} />
      </label>
      {categories && (
        <label className="flex flex-col gap-1 text-xs font-medium text-stone-600">
          Category
          <select name="category" defaultValue={category ?? ""} autoComplete="off" className={field}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="flex flex-col gap-1 text-xs font-medium text-stone-600">
        Sort by
        <select name="sort" defaultValue={sort ?? ""} autoComplete="off" className={field}>
          <option value="">{q ? "Best match" : "Newest"}</option>
          {SORTS.filter((s) => s !== "newest" || q).map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900"
      >
        Apply
      </button>
    </form>
  );
}
