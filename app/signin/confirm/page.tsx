import type { Metadata } from "next";
import { NOT_INDEXED } from "@/app/_seo/site";
import Link from "next/link";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { emailSchema } from "@/lib/auth/email";
import { LINK_NONCE_PARAM, parseBrowserNonce } from "@/lib/auth/sign-in-browser";

export const metadata: Metadata = { title: "Sign in on this device?", robots: NOT_INDEXED };

type Search = Promise<Record<string, string | string[] | undefined>>;

/**
 * A magic link opened in a browser other than the one that asked for it lands here: signing this browser
 * in (and merging its cart) takes a click, so a link sent by someone else cannot sign you into their account.
 */
export default async function ConfirmSignInPage({ searchParams }: { searchParams: Search }) {
  const search = await searchParams;
  const email = emailSchema.safeParse(search.email);
  const nonce = parseBrowserNonce(search[LINK_NONCE_PARAM]);
  const token = typeof search.token === "string" && /^\d{6}$/.test(search.token) ? search.token : null;
  const callbackUrl = safeCallbackUrl(search.callbackUrl);
  if (!email.success || !nonce || !token) {
    return (
      <div className="mx-auto max-w-sm space-y-4">
        <h1 className="text-2xl font-bold tracking-tight">This link does not work</h1>
        <p>
          <Link href="/signin" className="font-medium text-brand-700 underline">
            Ask for a new sign-in code
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Sign in on this device?</h1>
      <p>
        This link signs in as <strong>{email.data}</strong>. It was asked for in another browser. Sign in here only if
        you asked for it yourself.
      </p>
      <form action="/signin/confirm/continue" method="post" className="space-y-3">
        <input type="hidden" name="email" value={email.data} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name={LINK_NONCE_PARAM} value={nonce} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <button type="submit" className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white">
          Sign in as {email.data}
        </button>
      </form>
      <p className="text-sm text-stone-600">
        Not you?{" "}
        <Link href="/" className="underline">
          Leave without signing in
        </Link>
        .
      </p>
    </div>
  );
}
