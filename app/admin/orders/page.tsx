import type { Metadata } from "next";
import { findOrders, ORDER_STATUSES } from "@/lib/backoffice/orders-list";
import { OrdersTable } from "../_components/orders-table";
import { SignInAgain } from "../_components/sign-in-again";
import { adminMetadata, adminOfPage } from "../admin-gate";
import { orderFilterOf } from "./filter";

export const generateMetadata = (): Promise<Metadata> => adminMetadata("Orders");

type Props = { searchParams: Promise<Record<string, string | undefined>> };

const field = "rounded border border-stone-300 p-2";

/** Every order (admins only), newest first, filtered by status, e-mail, number and the day it was placed. */
export default async function AdminOrdersPage({ searchParams }: Props) {
  const admin = await adminOfPage();
  if (admin === "expired") return <SignInAgain />;
  const filter = orderFilterOf(await searchParams);
  const orders = await findOrders(filter);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Orders</h1>
      <form role="search" aria-label="Filter orders" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          Status
          <select name="status" defaultValue={filter.status ?? ""} className={field}>
            <option value="">Any</option>
            {ORDER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status.replace("_", " ")}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          E-mail contains
          <input name="email" defaultValue={filter.email ?? ""} maxLength={254} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          Number
          <input name="number" defaultValue={filter.number ?? ""} maxLength={32} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          Placed from
          <input type="date" name="from" defaultValue={filter.from ?? ""} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          to
          <input type="date" name="to" defaultValue={filter.to ?? ""} className={field} />
        </label>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
          Filter
        </button>
      </form>
      {orders.length === 0 ? (
        <p className="text-stone-600">No order matches.</p>
      ) : (
        <OrdersTable orders={orders} last="status" />
      )}
    </div>
  );
}
