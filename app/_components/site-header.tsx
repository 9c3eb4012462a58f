import Link from "next/link";
import { AccountLink } from "./account/account-link";
import { CartLink } from "./cart/cart-count";
import { SearchForm } from "./search-form";

/** The same for every shopper (it is part of cached pages): who is signed in comes to the browser separately. */
export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-4 sm:px-6">
        <Link href="/" className="text-xl font-bold tracking-tight text-brand-700">
          Brisk
        </Link>
        <nav aria-label="Main" className="flex gap-4 text-sm font-medium text-stone-700">
          <Link href="/products" className="hover:text-brand-700">
            All products
          </Link>
        </nav>
        <div className="order-last w-full sm:order-none sm:ml-auto sm:w-72">
          <SearchForm />
        </div>
        <div className="ml-auto flex items-center gap-4 sm:ml-0">
          <AccountLink />
          <CartLink />
        </div>
      </div>
    </header>
  );
}
