import Link from "next/link";
import type { CartLine } from "@/lib/cart/view";
import { Price } from "../price";
import { ProductImage } from "../product-image";
import { LINE_PROBLEMS } from "./line-problems";
import { QuantityStepper } from "./quantity-stepper";

export function CartLineRow({ line, currency }: { line: CartLine; currency: string }) {
  const options = Object.entries(line.options)
    .map(([name, value]) => `${name}: ${value}`)
    .join(", ");
  return (
    <li className="flex gap-4 border-b border-stone-200 py-5" data-testid="cart-line" data-variant-id={line.variantId}>
      <div className="relative h-24 w-24 shrink-0 overflow-hidden rounded-md bg-stone-100">
        {line.image && (
          <ProductImage
            src={line.image.url}
            alt={line.image.alt}
            sizes="96px"
            maxWidth={256}
            className="object-cover"
          />
        )}
      </div>
      <div className="flex-1 space-y-2">
        <div className="flex flex-wrap justify-between gap-2">
          <div>
            {line.productSlug ? (
              <Link
                href={`/products/${line.productSlug}?variant=${line.sku}`}
                className="font-medium hover:text-brand-700"
              >
                {line.name}
              </Link>
            ) : (
              <span className="font-medium">{line.name}</span>
            )}
            {options && <p className="text-sm text-stone-600">{options}</p>}
          </div>
          <p className="font-semibold">
            <Price cents={line.unitPriceCents * line.quantity} currency={currency} />
            {line.quantity > 1 && (
              <span className="block text-right text-xs font-normal text-stone-500">
                <Price cents={line.unitPriceCents} currency={currency} /> each
              </span>
            )}
          </p>
        </div>
        {line.problem && (
          <p role="alert" className="rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">
            {LINE_PROBLEMS[line.problem](line)}
          </p>
        )}
        <QuantityStepper
          variantId={line.variantId}
          quantity={line.quantity}
          max={Math.max(line.available, 1)}
          name={line.name}
        />
      </div>
    </li>
  );
}
