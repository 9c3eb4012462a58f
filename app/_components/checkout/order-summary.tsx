import type { CartView } from "@/lib/cart/view";
import type { Totals } from "@/lib/orders/totals";
import Link from "next/link";
import { buyableQuantity } from "@/lib/cart/buyable";
import { LINE_PROBLEMS } from "../cart/line-problems";
import { Price } from "../price";

/**
 * The lines and totals the shopper agrees to pay. A line that cannot be bought as it stands (sold out
 * since the cart was filled) shows what it counts for, as the subtotal does, and what to do about it.
 */
export function OrderSummary({ summary }: { summary: Totals & { cart: CartView } }) {
  const { cart } = summary;
  const rows: [string, number][] = [
    ["Subtotal", summary.subtotalCents],
    ["Shipping", summary.shippingCents],
    ["Tax", summary.taxCents],
  ];
  return (
    <section aria-label="Order summary" className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 className="mb-3 text-lg font-semibold">Order summary</h2>
      <ul className="divide-y divide-stone-100 text-sm">
        {cart.lines.map((line) => {
          const buyable = buyableQuantity(line);
          return (
            <li key={line.variantId} className="py-2" data-testid="summary-line">
              <div className="flex justify-between gap-4">
                <span>
                  {line.name} {line.sku && <span className="text-stone-500">({line.sku})</span>} × {line.quantity}
                  {buyable < line.quantity && ` (${buyable} available)`}
                </span>
                <Price cents={line.unitPriceCents * buyable} currency={cart.currency} />
              </div>
              {line.problem && (
                <p className="mt-1 text-amber-900" data-testid="summary-line-problem">
                  {LINE_PROBLEMS[line.problem](line)}{" "}
                  <Link href="/cart" className="font-medium underline">
                    Review your cart
                  </Link>
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <dl className="mt-3 space-y-1 text-sm">
        {rows.map(([label, cents]) => (
          <div key={label} className="flex justify-between">
            <dt>{label}</dt>
            <dd>{cents === 0 && label === "Shipping" ? "Free" : <Price cents={cents} currency={cart.currency} />}</dd>
          </div>
        ))}
        <div className="flex justify-between border-t border-stone-200 pt-2 text-base font-semibold">
          <dt>Total</dt>
          <dd data-testid="summary-total">
            <Price cents={summary.totalCents} currency={cart.currency} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
