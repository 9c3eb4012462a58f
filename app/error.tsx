"use client";

import { useEffect } from "react";

/** A page failed to render (usually a dependency that is down): say so, offer a retry, show no internals. */
export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-bold tracking-tight">Something went wrong on our side</h1>
      <p className="mt-3 text-stone-600">The store could not load this page just now. Please try again in a moment.</p>
      {error.digest && <p className="mt-2 text-xs text-stone-600">Reference {error.digest}</p>}
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-brand-700 px-5 py-2.5 text-sm font-semibold text-white hover:bg-brand-900"
      >
        Try again
      </button>
    </div>
  );
}
