import Link from "next/link";

/** The header's account state: who is signed in, or a sign-in link, or that sign-in is briefly unavailable. */

export type HeaderAccount = { name: string } | null | "unavailable";

export function AccountLink({ account }: { account: HeaderAccount }) {
  if (account === "unavailable") {
    return (
      <span className="text-sm text-amber-800" role="status">
        Sign-in briefly unavailable
      </span>
    );
  }
  if (!account) {
    return (
      <Link href="/signin" className="text-sm font-medium text-stone-700 hover:text-brand-700">
        Sign in
      </Link>
    );
  }
  return (
    <Link
      href="/account"
      className="text-sm font-medium text-stone-700 hover:text-brand-700"
      data-testid="account-link"
    >
      {account.name}
      <span className="sr-only">: your account</span>
    </Link>
  );
}
