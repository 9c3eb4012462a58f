import type { Metadata } from "next";
import { NOT_INDEXED } from "@/app/_seo/site";
import { notFound } from "next/navigation";
import { getOrderForViewer } from "@/lib/orders/queries";
import { currentOrderViewerId } from "@/lib/orders/viewer";
import { OrderDetails } from "../../_components/orders/order-details";

export const metadata: Metadata = { title: "Your order", robots: NOT_INDEXED };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ token?: string }> };

/** An order, for the user who placed it or a guest with the mailed token; anyone else gets the 404 page. */
export default async function OrderPage({ params, searchParams }: Props) {
  const order = await getOrderForViewer((await params).id, {
    userId: await currentOrderViewerId(),
    token: (await searchParams).token ?? null,
  });
  if (!order) notFound();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">
        {order.status === "paid" ? "Thank you for your order" : `Order ${order.number}`}
      </h1>
      <OrderDetails order={order} />
    </div>
  );
}
