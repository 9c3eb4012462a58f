import type { Metadata } from "next";
import { NOT_INDEXED } from "@/app/_seo/site";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { getOrderForViewer } from "@/lib/orders/queries";
import { OrderDetails } from "../../../_components/orders/order-details";

export const metadata: Metadata = { title: "Your order", robots: NOT_INDEXED };

/** One of the signed-in user's orders; someone else's (or none) is the 404 page. */
export default async function AccountOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const signedIn = await currentUser();
  const { id } = await params;
  if (!signedIn) redirect(`/signin?callbackUrl=/account/orders/${encodeURIComponent(id)}`);
  const order = await getOrderForViewer(id, { userId: signedIn.user.id, token: null });
  if (!order) notFound();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Order {order.number}</h1>
      <OrderDetails order={order} />
    </div>
  );
}
