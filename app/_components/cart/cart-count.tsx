"use client";

import Link from "next/link";
import { useShopper } from "../shopper";

/** The header's cart count and what moves it (app/_components/shopper.tsx holds it). */
export function useCartCount(): {
  count: number | null;
  setCount: (count: number) => void;
  adjust: (delta: number) => void;
} {
  const { count, setCount, adjust } = useShopper();
  return { count, setCount, adjust };
}

export function CartLink() {
  const { count } = useCartCount();
  // The accessible name starts with what is seen ("Cart 2"), then says what the number counts. The badge
  // keeps its room while the count is unknown, so nothing moves when it arrives.
  return (
    <Link
      href="/cart"
      className="inline-flex items-center gap-2 rounded-md border border-stone-300 px-3 py-2 text-sm font-medium hover:border-brand-600"
    >
      Cart
      {count !== null ? (
        <span
          data-testid="cart-count"
          className="min-w-6 rounded-full bg-brand-700 px-1.5 text-center text-xs text-white"
        >
          {count}
        </span>
      ) : (
        <span aria-hidden="true" className="min-w-6 px-1.5 text-xs">
          &nbsp;
        </span>
      )}
      {count !== null && <span className="sr-only">{count === 1 ? "item" : "items"}</span>}
    </Link>
  );
}
