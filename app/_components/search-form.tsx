/** A plain GET form to /products: works without JavaScript, and the browser handles the keyboard. */
export function SearchForm({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <form action="/products" method="get" role="search" className="flex">
      <label htmlFor="site-search" className="sr-only">
        Search products
      </label>
      <input
        id="site-search"
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={200}
        placeholder="Search products"
        className="w-full rounded-l-md border border-stone-300 px-3 py-2 text-sm placeholder:text-stone-400"
      />
      <button
        type="submit"
        className="rounded-r-md bg-brand-700 px-3 text-sm font-medium text-white hover:bg-brand-900"
      >
        Search
      </button>
    </form>
  );
}
