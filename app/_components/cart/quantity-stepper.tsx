"use client";

import { useActionState } from "react";
import { setQuantityAction, type CartActionResult } from "@/app/_actions/cart";

/**
 * − / + / Remove for one cart line: plain forms posting to a server action, so they work by keyboard
 * and before JavaScript loads; while one is pending the buttons wait.
 */
export function QuantityStepper({
  variantId,
  quantity,
  max,
  name,
}: {
  variantId: number;
  quantity: number;
  max: number;
  name: string;
}) {
  const [result, action, pending] = useActionState<CartActionResult | null, FormData>(setQuantityAction, null);
  const button =
    "h-9 w-9 rounded-md border border-stone-300 bg-white text-lg leading-none hover:border-brand-600 disabled:opacity-40";
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" aria-busy={pending}>
      <input type="hidden" name="variantId" value={variantId} />
      <button
        type="submit"
        name="quantity"
        value={quantity - 1}
        disabled={pending || quantity <= 1}
        className={button}
        aria-label={`One fewer ${name}`}
      >
        −
      </button>
      <output className="w-8 text-center tabular-nums" aria-label={`Quantity of ${name}`} data-testid="line-quantity">
        {quantity}
      </output>
      <button
        type="submit"
        name="quantity"
        value={quantity + 1}
        disabled={pending || quantity >= max}
        className={button}
        aria-label={`One more ${name}`}
      >
        +
      </button>
      <button
        type="submit"
        name="quantity"
        value={0}
        disabled={pending}
        className="ml-2 text-sm text-stone-600 underline hover:text-red-700"
      >
        Remove<span className="sr-only"> {name}</span>
      </button>
      {result && (!result.ok || result.notice) && (
        <p role="status" className={`w-full text-sm ${result.ok ? "text-stone-600" : "text-red-700"}`}>
          {result.ok ? result.notice : result.error}
        </p>
      )}
    </form>
  );
}
