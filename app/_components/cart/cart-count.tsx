"use client";

import Link from "next/link";
import { createContext, useContext, useState, type ReactNode } from "react";

/**
 * The header's cart count, shared with the add-to-cart buttons so that it changes at once (optimistic)
 * and is then set to what the server answered. A fresh server render (after a reload or a cart change
 * on /cart) brings the authoritative count.
 */

interface CartCount {
  count: number | null;
  setCount: (count: number) => void;
  adjust: (delta: number) => void;
}

const CartCountContext = createContext<CartCount>({ count: null, setCount: () => undefined, adjust: () => undefined });

export function CartCountProvider({ initialCount, children }: { initialCount: number | null; children: ReactNode }) {
  // A local count holds until the server renders a different one (a reload, or a change made on /cart).
  const [local, setLocal] = useState({ from: initialCount, count: initialCount });
  const count = local.from === initialCount ? local.count : initialCount;
  const setCount = (next: number) => setLocal({ from: initialCount, count: next });
  const adjust = (delta: number) =>
    setLocal((previous) => {
      const current = previous.from === initialCount ? previous.count : initialCount;
      return { from: initialCount, count: current === null ? null : Math.max(0, current + delta) };
    });
  return <CartCountContext.Provider value={{ count, setCount, adjust }}>{children}</CartCountContext.Provider>;
}

export function useCartCount(): CartCount {
  return useContext(CartCountContext);
}

export function CartLink() {
  const { count } = useCartCount();
  // The accessible name starts with what is seen ("Cart 2"), then says what the number counts.
  return (
    <Link
      href="/cart"
      className="inline-flex items-center gap-2 rounded-md border border-stone-300 px-3 py-2 text-sm font-medium hover:border-brand-600"
    >
      Cart
      {count !== null && (
        <span
          data-testid="cart-count"
          className="min-w-6 rounded-full bg-brand-700 px-1.5 text-center text-xs text-white"
        >
          {count}
        </span>
      )}
      {count !== null && <span className="sr-only">{count === 1 ? "item" : "items"}</span>}
    </Link>
  );
}
