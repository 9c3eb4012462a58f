"use client";

import { useActionState } from "react";
import { placeOrderAction } from "@/app/_actions/checkout";
import type { CartView } from "@/lib/cart/view";
import type { Totals } from "@/lib/orders/totals";
import { OrderSummary } from "./order-summary";

type Summary = Totals & { cart: CartView };

function Field(props: {
  name: string;
  label: string;
  autoComplete?: string;
  defaultValue?: string;
  required?: boolean;
  maxLength?: number;
  inputMode?: "numeric";
  placeholder?: string;
}) {
  const { name, label, required = true, ...rest } = props;
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        id={name}
        name={name}
        required={required}
        {...rest}
        className="w-full rounded-md border border-stone-300 px-3 py-2"
      />
    </div>
  );
}

/**
 * The checkout form. It carries the summary's fingerprint (a changed cart answers with a new summary to
 * confirm) and an idempotency token (a double submit makes one order; a decline brings a fresh token).
 */
export function CheckoutForm({ summary, token, email }: { summary: Summary; token: string; email?: string }) {
  const [state, action, pending] = useActionState(placeOrderAction, null);
  const shown = state?.summary ?? summary;
  // React resets a form after its action: what the shopper typed comes back as the new defaults.
  const typed = (name: string, fallback?: string) => state?.values?.[name] ?? fallback;
  return (
    <div className="grid gap-8 md:grid-cols-[1fr_20rem]">
      <form action={action} className="space-y-6" aria-describedby={state?.error ? "checkout-error" : undefined}>
        <input type="hidden" name="fingerprint" value={shown.cart.fingerprint} />
        <input type="hidden" name="token" value={state?.token ?? token} />
        <fieldset className="space-y-3">
          <legend className="mb-2 text-lg font-semibold">Contact</legend>
          <Field
            name="email"
            label="E-mail"
            autoComplete="email"
            defaultValue={typed("email", email)}
            maxLength={254}
          />
          <Field name="name" defaultValue={typed("name")} label="Full name" autoComplete="name" maxLength={100} />
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="mb-2 text-lg font-semibold">Shipping address</legend>
          <Field
            name="line1"
            defaultValue={typed("line1")}
            label="Address"
            autoComplete="address-line1"
            maxLength={200}
          />
          <Field
            name="line2"
            defaultValue={typed("line2")}
            label="Apartment, suite (optional)"
            autoComplete="address-line2"
            required={false}
            maxLength={200}
          />
          <div className="grid grid-cols-2 gap-3">
            <Field
              name="city"
              defaultValue={typed("city")}
              label="City"
              autoComplete="address-level2"
              maxLength={100}
            />
            <Field
              name="postalCode"
              defaultValue={typed("postalCode")}
              label="Postal code"
              autoComplete="postal-code"
              maxLength={16}
            />
          </div>
          <Field
            name="country"
            label="Country (2-letter code)"
            autoComplete="country"
            defaultValue={typed("country", "US")}
            maxLength={2}
          />
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="mb-2 text-lg font-semibold">Payment (test cards only)</legend>
          <p className="text-sm text-stone-600">4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined.</p>
          <Field name="cardNumber" label="Card number" autoComplete="cc-number" inputMode="numeric" maxLength={23} />
          <div className="grid grid-cols-2 gap-3">
            <Field name="expiry" label="Expiry (MM/YY)" autoComplete="cc-exp" placeholder="12/30" maxLength={5} />
            <Field name="cvc" label="CVC" autoComplete="cc-csc" inputMode="numeric" maxLength={4} />
          </div>
        </fieldset>
        {state?.error && (
          <p
            id="checkout-error"
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800"
          >
            {state.error}
          </p>
        )}
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-md bg-brand-700 px-4 py-3 font-semibold text-white disabled:opacity-60"
        >
          {pending ? "Placing your order…" : "Place order"}
        </button>
      </form>
      <OrderSummary summary={shown} />
    </div>
  );
}
