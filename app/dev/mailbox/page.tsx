import type { Metadata } from "next";
import { NOT_INDEXED } from "@/app/_seo/site";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { devMailboxAccess } from "@/lib/mail/dev-mailbox-access";
import { readDevMailbox } from "@/lib/mail/dev-mailbox";
import { emailSchema } from "@/lib/auth/email";

export const metadata: Metadata = { title: "Dev mailbox", robots: NOT_INDEXED };

/** Local sign-in mail (AUTH_DEV_MAILBOX=1 on loopback only): the mails sent to one address. */
export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (devMailboxAccess(await headers()) !== "ok") notFound();
  const to = emailSchema.safeParse((await searchParams).to);
  const mails = to.success ? await readDevMailbox(to.data) : [];
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Dev mailbox</h1>
      <p className="text-sm text-stone-600">Local only: sign-in mail lands here instead of being sent.</p>
      <form className="flex gap-2">
        <label htmlFor="to" className="sr-only">
          E-mail address
        </label>
        <input
          id="to"
          name="to"
          type="email"
          required
          defaultValue={to.success ? to.data : ""}
          placeholder="you@example.com"
          className="grow rounded-md border border-stone-300 px-3 py-2"
        />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white">
          Open
        </button>
      </form>
      {to.success && mails.length === 0 && <p>No mail for {to.data} in the last hour.</p>}
      <ul className="space-y-4" aria-label="Mails">
        {mails.map((mail) => (
          <li key={mail.sentAt + mail.subject} className="rounded-lg border border-stone-200 bg-white p-4">
            <p className="font-semibold">{mail.subject}</p>
            <p className="text-xs text-stone-500">{mail.sentAt}</p>
            {/* Only Brisk's own mail templates write here (sign-in and order mail), and they escape what they insert. */}
            <div className="mt-2 space-y-2 text-sm" dangerouslySetInnerHTML={{ __html: mail.html }} />
          </li>
        ))}
      </ul>
    </div>
  );
}
