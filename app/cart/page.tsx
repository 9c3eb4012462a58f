import type { Metadata } from "next";
import { NOT_INDEXED } from "@/app/_seo/site";
import { cookies } from "next/headers";
import Link from "next/link";
import type { ProductSummary } from "@/lib/catalog/types";
import { requestCartOwner } from "@/lib/cart/request-owner";
import { viewCart } from "@/lib/cart/service";
import type { CartView } from "@/lib/cart/view";
import { unlessStateUnavailable } from "@/lib/redis/state";
import { viewedProducts } from "@/lib/shop/viewed";
import { ProductRow } from "../_components/activity/product-row";
import { CartLineRow } from "../_components/cart/cart-line";
import { Price } from "../_components/price";
import { ShopperSync } from "../_components/shopper";

export const metadata: Metadata = { title: "Your cart", robots: NOT_INDEXED };

async function loadCart(): Promise<CartView | "unavailable"> {
  return unlessStateUnavailable(async () => viewCart(await requestCartOwner(await cookies())));
}

/** The shopper's recently viewed products; none while Redis cannot say (an extra, never an error). */
async function loadViewed(): Promise<ProductSummary[]> {
  const viewed = await unlessStateUnavailable(async () => viewedProducts(await cookies()));
  return viewed === "unavailable" ? [] : viewed;
}

export default async function CartPage() {
  const [cart, viewed] = await Promise.all([loadCart(), loadViewed()]);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">Your cart</h1>
      {cart !== "unavailable" && <ShopperSync cartCount={cart.count} />}
      {cart === "unavailable" ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-900">
          Your cart is briefly unavailable. It is safe: please try again in a moment.
        </p>
      ) : cart.lines.length === 0 ? (
        <div className="rounded-lg border border-stone-200 bg-white p-8 text-center">
          <p className="text-stone-700">Your cart is empty.</p>
          <Link href="/products" className="mt-4 inline-block font-medium text-brand-700 underline">
            Browse products
          </Link>
        </div>
      ) : (
        <>
          <ul aria-label="Items in your cart">
            {cart.lines.map((line) => (
              <CartLineRow key={line.variantId} line={line} currency={cart.currency} />
            ))}
          </ul>
          <div className="mt-6 flex items-center justify-between text-lg">
            <span>
              Subtotal{" "}
              <span className="text-sm text-stone-500">
                ({cart.count} {cart.count === 1 ? "item" : "items"})
              </span>
            </span>
            <span className="font-semibold" data-testid="cart-subtotal">
              <Price cents={cart.subtotalCents} currency={cart.currency} />
            </span>
          </div>
          <p className="mt-1 text-sm text-stone-500">Shipping and tax are worked out at checkout.</p>
          <Link
            href="/checkout"
            className="mt-6 block rounded-md bg-brand-700 px-4 py-3 text-center font-semibold text-white"
          >
            Check out
          </Link>
        </>
      )}
      {viewed.length > 0 && <ProductRow id="recently-viewed-heading" title="Recently viewed" products={viewed} />}
    </div>
  );
}
