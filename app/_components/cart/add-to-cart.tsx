"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { addToCartAction } from "@/app/_actions/cart";
import { useCartCount } from "./cart-count";

/** Adds one of the chosen variant; the header count moves at once and settles on the server's answer. */
export function AddToCart({ variantId, soldOut }: { variantId: number; soldOut: boolean }) {
  const { adjust, setCount } = useCartCount();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; tone: "notice" | "error" } | null>(null);

  function add() {
    setMessage(null);
    adjust(1);
    startTransition(async () => {
      const result = await addToCartAction(variantId, 1);
      if (result.ok) {
        setCount(result.count);
        setMessage({ text: result.notice ?? "Added to your cart.", tone: "notice" });
      } else {
        adjust(-1);
        setMessage({ text: result.error, tone: "error" });
      }
    });
  }

  return (
    <div className="mt-6">
      <button
        type="button"
        onClick={add}
        disabled={soldOut || pending}
        aria-disabled={soldOut || pending}
        className="w-full rounded-md bg-brand-700 px-6 py-3 text-sm font-semibold text-white hover:bg-brand-900 disabled:cursor-not-allowed disabled:bg-stone-300 disabled:text-stone-600 sm:w-auto"
      >
        {soldOut ? "Out of stock" : pending ? "Adding…" : "Add to cart"}
      </button>
      <p
        role="status"
        aria-live="polite"
        className={`mt-2 text-sm ${message?.tone === "error" ? "text-red-700" : "text-stone-600"}`}
      >
        {message?.text}
        {message?.tone === "notice" && (
          <Link href="/cart" className="ml-2 font-medium text-brand-700 underline">
            View cart
          </Link>
        )}
      </p>
    </div>
  );
}
