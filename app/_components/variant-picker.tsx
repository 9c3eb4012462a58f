import Link from "next/link";
import type { ProductDetail, Variant } from "@/lib/catalog/types";
import { variantForChoice } from "@/lib/catalog/variants";

/**
 * One group of links per option; each link selects the variant it leads to with `?variant=<sku>`, so the
 * choice lives in the URL (shareable, works without JavaScript, the browser's back button undoes it).
 */
export function VariantPicker({ product, selected }: { product: ProductDetail; selected: Variant }) {
  return (
    <div className="space-y-4">
      {product.options.map((option) => (
        <fieldset key={option.name}>
          <legend className="mb-2 text-sm font-medium">
            {option.name}: <span className="font-normal text-stone-600">{selected.options[option.name]}</span>
          </legend>
          <ul className="flex flex-wrap gap-2">
            {option.values.map((value) => {
              const target = variantForChoice(product, selected, option.name, value);
              const isSelected = selected.options[option.name] === value;
              const soldOut = !target?.available;
              const style = isSelected
                ? "border-brand-700 bg-brand-700 text-white"
                : "border-stone-300 bg-white hover:border-brand-600";
              return (
                <li key={value}>
                  <Link
                    href={`/products/${product.slug}?variant=${encodeURIComponent(target?.sku ?? selected.sku)}`}
                    replace
                    scroll={false}
                    aria-current={isSelected ? "true" : undefined}
                    aria-label={`${option.name} ${value}${soldOut ? ", out of stock" : ""}`}
                    className={`inline-block min-w-12 rounded-md border px-3 py-2 text-center text-sm ${style} ${soldOut ? "line-through decoration-1" : ""}`}
                  >
                    {value}
                  </Link>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}
