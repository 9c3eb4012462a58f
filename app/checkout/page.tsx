import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { NOT_INDEXED } from "@/app/_seo/site";
import { cookies } from "next/headers";
import Link from "next/link";
import { currentUser } from "@/lib/auth/current-user";
import { requestCartOwner } from "@/lib/cart/request-owner";
import { viewCart } from "@/lib/cart/service";
import { orderTotals } from "@/lib/orders/totals";
import { unlessStateUnavailable } from "@/lib/redis/state";
import { CheckoutForm } from "../_components/checkout/checkout-form";

export const metadata: Metadata = { title: "Checkout", robots: NOT_INDEXED };

async function loadCheckout() {
  return unlessStateUnavailable(async () => {
    const signedIn = await currentUser();
    const cart = await viewCart(await requestCartOwner(await cookies()));
    return { cart, email: signedIn?.user.email };
  });
}

export default async function CheckoutPage() {
  const loaded = await loadCheckout();
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">Checkout</h1>
      {loaded === "unavailable" ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-900">
          Checkout is briefly unavailable. Your cart is safe: please try again in a moment.
        </p>
      ) : loaded.cart.lines.length === 0 ? (
        <p>
          Your cart is empty.{" "}
          <Link href="/products" className="font-medium text-brand-700 underline">
            Browse products
          </Link>
        </p>
      ) : (
        <CheckoutForm
          summary={{ cart: loaded.cart, ...orderTotals(loaded.cart.subtotalCents) }}
          token={randomUUID()}
          email={loaded.email}
        />
      )}
    </div>
  );
}
