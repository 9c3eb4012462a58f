import type { Metadata } from "next";
import { NOT_INDEXED } from "@/app/_seo/site";
import { cookies } from "next/headers";
import Link from "next/link";
import { safeCallbackUrl, SIGNIN_EMAIL_COOKIE } from "@/lib/auth/callback-url";
import { triesLeft } from "@/lib/auth/code-store";
import { browserNonceOf } from "@/lib/auth/sign-in-browser";
import { githubConfigured } from "@/lib/auth/providers";
import { currentUser } from "@/lib/auth/current-user";
import { mailDelivery } from "@/lib/mail/delivery";
import { unlessStateUnavailable } from "@/lib/redis/state";
import { signInWithGitHubAction } from "../_actions/sign-in";
import { CodeForm } from "../_components/account/code-form";
import { EmailForm } from "../_components/account/email-form";

export const metadata: Metadata = { title: "Sign in", robots: NOT_INDEXED };

type Search = Promise<{ step?: string; error?: string; callbackUrl?: string }>;

/** What went wrong with a code, in words, or null. Redis down reads as "briefly unavailable". */
async function codeProblem(
  error: string | undefined,
  email: string | undefined,
  browser: string | null,
): Promise<string | null> {
  if (!error) return null;
  if (error !== "Verification" || !email) return "Signing in did not work. Please ask for a new code.";
  const left = await triesLeft(email, browser);
  return left === 0
    ? "That code no longer works in this browser (wrong, expired, or asked for elsewhere). Ask for a new one."
    : `That code is wrong or has expired. ${left} ${left === 1 ? "try" : "tries"} left.`;
}

async function signInState(search: Awaited<Search>) {
  const jar = await cookies();
  const email = jar.get(SIGNIN_EMAIL_COOKIE)?.value;
  const browser = browserNonceOf(jar);
  return unlessStateUnavailable(async () => ({
    signedIn: await currentUser(),
    problem: await codeProblem(search.error, email, browser),
    email,
  }));
}

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const search = await searchParams;
  const callbackUrl = safeCallbackUrl(search.callbackUrl);
  const state = await signInState(search);
  const delivery = mailDelivery();
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Sign in</h1>
      {state === "unavailable" ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-900">
          Sign-in is briefly unavailable. You are not signed out: please try again in a moment.
        </p>
      ) : state.signedIn ? (
        <p>
          You are signed in as {state.signedIn.user.email}.{" "}
          <Link href="/account" className="font-medium text-brand-700 underline">
            Your account
          </Link>
        </p>
      ) : (
        <>
          {state.problem && (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
              {state.problem}
            </p>
          )}
          {delivery.kind === "off" ? (
            <p className="rounded-md border border-stone-200 bg-white p-4 text-stone-700">{delivery.reason}</p>
          ) : state.email && (search.step === "code" || search.error === "Verification") ? (
            <>
              <CodeForm email={state.email} callbackUrl={callbackUrl} />
              <p className="text-sm text-stone-600">
                The mail also has a link that signs you in. No mail?{" "}
                <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="underline">
                  Ask for a new code
                </Link>
                {delivery.kind === "dev-mailbox" && (
                  <>
                    {" "}
                    (local: see the{" "}
                    <Link href={`/dev/mailbox?to=${encodeURIComponent(state.email)}`} className="underline">
                      dev mailbox
                    </Link>
                    )
                  </>
                )}
              </p>
            </>
          ) : (
            <EmailForm callbackUrl={callbackUrl} email={state.email} />
          )}
          {githubConfigured() && (
            <form action={signInWithGitHubAction}>
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button type="submit" className="w-full rounded-md border border-stone-300 px-4 py-2 font-medium">
                Sign in with GitHub
              </button>
            </form>
          )}
        </>
      )}
    </div>
  );
}
