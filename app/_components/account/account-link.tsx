"use client";

import Link from "next/link";
import { useShopper } from "../shopper";

/** The header's account state: who is signed in, or a sign-in link, or that sign-in is briefly unavailable. */

/** One width whatever it shows (a long name is cut short), so the header does not move when it arrives. */
const SLOT = "inline-block w-32 truncate text-right text-sm";

export function AccountLink() {
  const { account } = useShopper();
  if (account === undefined) return <span className={SLOT} aria-hidden="true" />;
  if (account === "unavailable") {
    return (
      <span className={`${SLOT} text-amber-800`} role="status">
        Sign-in briefly unavailable
      </span>
    );
  }
  if (!account) {
    return (
      <Link href="/signin" className={`${SLOT} font-medium text-stone-700 hover:text-brand-700`}>
        Sign in
      </Link>
    );
  }
  return (
    <Link
      href="/account"
      className={`${SLOT} font-medium text-stone-700 hover:text-brand-700`}
      data-testid="account-link"
      title={account.name}
    >
      {account.name}
      <span className="sr-only">: your account</span>
    </Link>
  );
}
