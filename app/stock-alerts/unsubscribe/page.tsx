import type { Metadata } from "next";
import Link from "next/link";
import { NOT_INDEXED } from "@/app/_seo/site";

export const metadata: Metadata = { title: "Stop a back-in-stock alert", robots: NOT_INDEXED };

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

/**
 * Where a back-in-stock mail's link leads: a button that stops the alert (a link alone must not, as mail
 * scanners open links), then what happened. No sign-in needed: the link's token is the proof.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Search }) {
  const search = await searchParams;
  const [alert, token] = [one(search.alert), one(search.token)];
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="mb-4 text-2xl font-bold tracking-tight">Back-in-stock alert</h1>
      {search.done ? (
        <p role="status">Stopped. You will get no mail about it.</p>
      ) : search.unknown ? (
        <p role="alert">This link names no alert: it was stopped already, or its mail was sent.</p>
      ) : alert && token ? (
        <form method="post" action="/api/stock-alerts/unsubscribe">
          <input type="hidden" name="alert" value={alert} />
          <input type="hidden" name="token" value={token} />
          <p className="mb-4 text-stone-700">Stop the alert? You will get no mail when the item is back.</p>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white">
            Stop the alert
          </button>
        </form>
      ) : (
        <p role="alert">This link is incomplete. Open the link from the mail again.</p>
      )}
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 underline">
        Back to the shop
      </Link>
    </div>
  );
}
