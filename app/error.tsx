"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect } from "react";

/**
 * A page failed to render (usually a dependency that is down): say so, offer a retry, show no internals.
 * "Try again" asks the server for the page again and then resets the boundary: `reset()` alone re-renders
 * only what the browser has, so a page whose server render failed would fail again without a request.
 */
export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
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
        onClick={() =>
          startTransition(() => {
            router.refresh();
            reset();
          })
        }
        className="mt-6 rounded-md bg-brand-700 px-5 py-2.5 text-sm font-semibold text-white hover:bg-brand-900"
      >
        Try again
      </button>
    </div>
  );
}
