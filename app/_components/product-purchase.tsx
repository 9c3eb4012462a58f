"use client";

import { useSearchParams } from "next/navigation";
import type { ProductDetail, Variant } from "@/lib/catalog/types";
import { selectVariant } from "@/lib/catalog/variants";
import { AddToCart } from "./cart/add-to-cart";
import { useLiveStock } from "./live-stock";
import { Price } from "./price";
import { RestockAlert } from "./restock-alert";
import { StockStatus } from "./stock-status";
import { VariantPicker } from "./variant-picker";

/**
 * The product page's price, stock, variant choice and add-to-cart for the variant in `?variant=<sku>`.
 * The page is rendered once for everyone (the route cache), so the choice is read here, in the browser:
 * the cached HTML shows the default variant ({@link PurchasePanel}, the page's Suspense fallback), and a
 * link to another variant is answered at once without asking the server. Its stock (and the add-to-cart
 * button with it) stays live while the page is open (live-stock.ts).
 */
export function ProductPurchase({ product }: { product: ProductDetail }) {
  const live = useLiveStock(product);
  const variant = selectVariant(live, useSearchParams().get("variant"));
  return <PurchasePanel product={live} variant={variant} interactive />;
}

/**
 * `interactive`: rendered by the browser (ProductPurchase), its buttons live; the cached HTML's panel is
 * replaced by it once the page's script runs (`data-purchase` says which one is on screen).
 */
export function PurchasePanel({
  product,
  variant,
  interactive = false,
}: {
  product: ProductDetail;
  variant: Variant;
  interactive?: boolean;
}) {
  return (
    <div data-purchase={interactive ? "interactive" : "loading"}>
      <p className="mt-3 text-2xl font-semibold" data-testid="price">
        <Price cents={variant.priceCents} currency={product.currency} />
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-500">
        <StockStatus stock={variant.stock} />
        <span>SKU {variant.sku}</span>
      </div>
      <div className="mt-6">
        <VariantPicker product={product} selected={variant} />
      </div>
      <AddToCart key={variant.id} variantId={variant.id} soldOut={!variant.available} />
      {!variant.available && <RestockAlert key={`alert-${variant.id}`} variantId={variant.id} />}
    </div>
  );
}
