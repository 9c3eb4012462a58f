import Link from "next/link";

/** Previous / next links that keep the rest of the query; the current page is announced. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  const link = "rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:border-brand-600";
  return (
    <nav aria-label="Pagination" className="mt-8 flex items-center justify-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={link}>
          Previous
        </Link>
      ) : (
        <span className={`${link} opacity-40`} aria-disabled="true">
          Previous
        </span>
      )}
      <span aria-current="page">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next" className={link}>
          Next
        </Link>
      ) : (
        <span className={`${link} opacity-40`} aria-disabled="true">
          Next
        </span>
      )}
    </nav>
  );
}
