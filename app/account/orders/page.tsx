import type { Metadata } from "next";
import { NOT_INDEXED } from "@/app/_seo/site";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { listUserOrders } from "@/lib/orders/queries";
import { Price } from "../../_components/price";

export const metadata: Metadata = { title: "Your orders", robots: NOT_INDEXED };

export default async function AccountOrdersPage() {
  const signedIn = await currentUser();
  if (!signedIn) redirect("/signin?callbackUrl=/account/orders");
  const orders = await listUserOrders(signedIn.user.id);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Your orders</h1>
      {orders.length === 0 ? (
        <p>No orders yet.</p>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white px-5" aria-label="Orders">
          {orders.map((order) => (
            <li key={order.id} className="flex justify-between gap-4 py-3" data-testid="account-order">
              <Link href={`/account/orders/${order.id}`} className="font-medium text-brand-700 underline">
                {order.number}
              </Link>
              <span className="text-sm text-stone-600">{order.status.replace("_", " ")}</span>
              <Price cents={order.totalCents} currency={order.currency} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
