import type { OrderView } from "@/lib/orders/order-view";
import { Price } from "../price";

const STATUS: Record<string, string> = {
  pending: "Awaiting payment",
  paid: "Paid",
  payment_failed: "Payment declined",
  fulfilled: "Shipped",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

export function OrderDetails({ order }: { order: OrderView }) {
  const money = (cents: number) => <Price cents={cents} currency={order.currency} />;
  return (
    <article className="space-y-6" aria-label={`Order ${order.number}`}>
      <p>
        Order <strong data-testid="order-number">{order.number}</strong> ·{" "}
        <span data-testid="order-status">{STATUS[order.status] ?? order.status}</span> · placed{" "}
        {new Date(order.createdAt).toUTCString()}
      </p>
      <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white px-5">
        {order.lines.map((line) => (
          <li key={line.sku} className="flex justify-between gap-4 py-3 text-sm" data-testid="order-line">
            <span>
              {line.name} <span className="text-stone-500">({line.sku})</span> × {line.quantity}
            </span>
            {money(line.unitPriceCents * line.quantity)}
          </li>
        ))}
      </ul>
      <dl className="max-w-xs space-y-1 text-sm">
        <div className="flex justify-between">
          <dt>Subtotal</dt>
          <dd>{money(order.subtotalCents)}</dd>
        </div>
        <div className="flex justify-between">
          <dt>Shipping</dt>
          <dd>{money(order.shippingCents)}</dd>
        </div>
        <div className="flex justify-between">
          <dt>Tax</dt>
          <dd>{money(order.taxCents)}</dd>
        </div>
        <div className="flex justify-between font-semibold">
          <dt>Total</dt>
          <dd data-testid="order-total">{money(order.totalCents)}</dd>
        </div>
      </dl>
      <address className="text-sm not-italic text-stone-700">
        Shipping to {order.name}, {order.address.line1}
        {order.address.line2 ? `, ${order.address.line2}` : ""}, {order.address.postalCode} {order.address.city},{" "}
        {order.address.country}. Confirmation sent to {order.email}.
      </address>
    </article>
  );
}
