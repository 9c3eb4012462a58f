import Link from "next/link";

/** Shown instead of results when the URL's filters are invalid (the API answers 400 for the same). */
export function QueryProblem({ message, resetHref }: { message: string; resetHref: string }) {
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
      <p>That search could not be understood: {message}.</p>
      <Link href={resetHref} className="mt-2 inline-block font-medium underline">
        Show all products
      </Link>
    </div>
  );
}
