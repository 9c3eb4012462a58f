import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { orderForAdmin } from "@/lib/backoffice/orders-list";
import { OrderDetails } from "../../../_components/orders/order-details";
import { OrderMoves } from "../../_components/order-moves";
import { SignInAgain } from "../../_components/sign-in-again";
import { adminMetadata, adminOfPage } from "../../admin-gate";

export const generateMetadata = (): Promise<Metadata> => adminMetadata("Order");

type Props = { params: Promise<{ orderId: string }> };

/** One order for staff (admins only): what was bought, where it goes, and its moves while it is paid. */
export default async function AdminOrderPage({ params }: Props) {
  const admin = await adminOfPage();
  if (admin === "expired") return <SignInAgain />;
  const { orderId } = await params;
  const order = /^[a-z0-9]{1,64}$/.test(orderId) ? await orderForAdmin(orderId) : null;
  if (!order) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Order {order.number}</h1>
      <p className="text-sm">
        {order.name} · {order.email} ·{" "}
        <Link href={`/admin/audit?objectType=order&objectId=${order.id}`} className="text-brand-700 underline">
          its changes
        </Link>
      </p>
      {order.status === "paid" && <OrderMoves order={order} />}
      <OrderDetails order={order} />
    </div>
  );
}
