import Link from "next/link";

/** What an admin whose sign-in is older than the back office allows sees instead of the page. */
export function SignInAgain() {
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Sign in again</h1>
      <p className="text-stone-700">
        The back office needs a sign-in from the last eight hours. Sign out, then sign in again with your e-mail code.
      </p>
      <p>
        <Link href="/account" className="font-medium text-brand-700 underline">
          Your account (sign out there)
        </Link>
      </p>
    </div>
  );
}
