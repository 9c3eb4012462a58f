import type { Metadata } from "next";
import Link from "next/link";
import { listAudit } from "@/lib/backoffice/audit";
import { ordersToFulfil } from "@/lib/backoffice/orders-list";
import { OrdersTable } from "./_components/orders-table";
import { adminMetadata, adminOfPage } from "./admin-gate";
import { AuditTable } from "./_components/audit-table";
import { SignInAgain } from "./_components/sign-in-again";

export const generateMetadata = (): Promise<Metadata> => adminMetadata("Back office");

/** The back office's first page (admins only): paid orders to fulfil, and the latest writes. */
export default async function BackOfficePage() {
  const admin = await adminOfPage();
  if (admin === "expired") return <SignInAgain />;
  const [orders, entries] = await Promise.all([ordersToFulfil(), listAudit({ limit: 10 })]);
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-bold tracking-tight">Back office</h1>
      <nav aria-label="Back office" className="flex gap-4 text-sm font-medium">
        <Link href="/admin/orders" className="text-brand-700 underline">
          Orders
        </Link>
        <Link href="/admin/products" className="text-brand-700 underline">
          Products and stock
        </Link>
        <Link href="/admin/categories" className="text-brand-700 underline">
          Categories
        </Link>
        <Link href="/admin/audit" className="text-brand-700 underline">
          Audit log
        </Link>
      </nav>
      <section aria-labelledby="to-fulfil" className="space-y-3">
        <h2 id="to-fulfil" className="text-lg font-semibold">
          Paid orders to fulfil
        </h2>
        {orders.length === 0 ? (
          <p className="text-stone-600">None: every paid order has been handled.</p>
        ) : (
          <OrdersTable orders={orders} last="moves" />
        )}
      </section>
      <section aria-labelledby="latest-writes" className="space-y-3">
        <h2 id="latest-writes" className="text-lg font-semibold">
          Latest changes
        </h2>
        <AuditTable entries={entries} />
        <p>
          <Link href="/admin/audit" className="font-medium text-brand-700 underline">
            The whole audit log
          </Link>
        </p>
      </section>
    </div>
  );
}
