import Link from "next/link";
import { Price } from "../../_components/price";
import { OrderMoves } from "./order-moves";

export interface OrderRow {
  id: string;
  number: string;
  status: string;
  email: string;
  totalCents: number;
  currency: string;
  createdAt: string;
}

const placed = (iso: string) =>
  new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso));

/**
 * Orders as a table, each linking to its page; with their status (the orders list) or their moves (the
 * paid orders to fulfil on the back office's first page) in the last column.
 */
export function OrdersTable({ orders, last }: { orders: OrderRow[]; last: "status" | "moves" }) {
  return (
    <table className="w-full text-left text-sm">
      <thead>
        <tr className="border-b border-stone-200">
          <th scope="col" className="py-2">
            Order
          </th>
          <th scope="col">E-mail</th>
          <th scope="col">Total</th>
          <th scope="col">Placed (UTC)</th>
          <th scope="col">{last === "status" ? "Status" : "Move to"}</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr key={order.id} className="border-b border-stone-100">
            <td className="py-2">
              <Link href={`/admin/orders/${order.id}`} className="font-medium text-brand-700 underline">
                {order.number}
              </Link>
            </td>
            <td>{order.email}</td>
            <td>
              <Price cents={order.totalCents} currency={order.currency} />
            </td>
            <td>{placed(order.createdAt)}</td>
            <td className="py-2">
              {last === "status" ? order.status.replace("_", " ") : <OrderMoves order={order} />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
