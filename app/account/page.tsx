import type { Metadata } from "next";
import { NOT_INDEXED } from "@/app/_seo/site";
import Link from "next/link";
import { redirect } from "next/navigation";
import { accountView } from "@/lib/auth/account";
import { currentUser } from "@/lib/auth/current-user";
import { pendingEmailChange } from "@/lib/auth/email-change";
import { signOutEverywhereAction } from "../_actions/account";
import { signOutAction } from "../_actions/sign-in";
import { EmailChangeForm } from "../_components/account/email-change-form";
import { NameForm } from "../_components/account/name-form";
import { ShopperSync } from "../_components/shopper";

export const metadata: Metadata = { title: "Your account", robots: NOT_INDEXED };

const when = (iso: string) =>
  new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso));

/** Signed out, proxy.ts has already redirected; a cookie whose session is gone lands here and is sent on. */
export default async function AccountPage() {
  const signedIn = await currentUser();
  if (!signedIn) redirect("/signin?callbackUrl=/account");
  const [{ user, sessions }, pendingEmail] = await Promise.all([
    accountView(signedIn),
    pendingEmailChange(signedIn.user.id),
  ]);
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <h1 className="text-2xl font-bold tracking-tight">Your account</h1>
      <ShopperSync name={user.name ?? user.email} />
      <section className="space-y-4 rounded-lg border border-stone-200 bg-white p-6">
        <p>
          <span className="text-sm text-stone-500">E-mail</span>
          <br />
          <span data-testid="account-email">{user.email}</span>
        </p>
        <NameForm name={user.name ?? ""} />
      </section>
      <section className="space-y-4 rounded-lg border border-stone-200 bg-white p-6">
        <h2 className="text-lg font-semibold">Change your e-mail</h2>
        <p className="text-sm text-stone-600">
          We send a code to the new address; the change is made when you enter it here.
        </p>
        <EmailChangeForm pending={pendingEmail} />
      </section>
      <p>
        <Link href="/account/orders" className="font-medium text-brand-700 underline">
          Your orders
        </Link>
      </p>
      <section className="space-y-4 rounded-lg border border-stone-200 bg-white p-6">
        <h2 className="text-lg font-semibold">Where you are signed in</h2>
        <ul aria-label="Active sessions" className="divide-y divide-stone-100">
          {sessions.map((session) => (
            <li key={session.id} className="py-2 text-sm" data-testid="session">
              Signed in {when(session.createdAt)} (UTC), last seen {when(session.lastSeenAt)}
              {session.current && <strong className="ml-2 text-brand-700">This browser</strong>}
            </li>
          ))}
        </ul>
        <div className="flex flex-wrap gap-3">
          <form action={signOutAction}>
            <button type="submit" className="rounded-md border border-stone-300 px-4 py-2 font-medium">
              Sign out
            </button>
          </form>
          <form action={signOutEverywhereAction}>
            <button type="submit" className="rounded-md bg-red-700 px-4 py-2 font-medium text-white">
              Sign out everywhere
            </button>
          </form>
        </div>
      </section>
    </div>
  );
}
