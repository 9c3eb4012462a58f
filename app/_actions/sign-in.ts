"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeCallbackUrl, SIGNIN_EMAIL_COOKIE } from "@/lib/auth/callback-url";
import { CODE_LIFETIME_MS } from "@/lib/auth/code-store";
import { signIn, signOut } from "@/lib/shop/auth";
import {
  browserCookieOptions,
  newBrowserNonce,
  browserNonceOf,
  signInBrowserCookie,
  withSignInBrowser,
} from "@/lib/auth/sign-in-browser";
import { admitSignInRequest } from "@/lib/auth/sign-in-request";
import { siteCookieOptions } from "@/lib/http/cookies";
import { BRIEFLY_UNAVAILABLE } from "@/lib/http/unavailable";

/**
 * The /signin page's server actions: ask for a code (checked and rate-limited as the API is; Next.js checks
 * that server actions come from the site's own origin), GitHub, sign out.
 */

export type SignInFormState = { error?: string } | null;

export async function requestSignInCodeAction(_previous: SignInFormState, form: FormData): Promise<SignInFormState> {
  const callbackUrl = safeCallbackUrl(form.get("callbackUrl"));
  const admission = await admitSignInRequest(form.get("email"), await headers());
  if (!admission.ok) return { error: admission.message };
  const jar = await cookies();
  const nonce = browserNonceOf(jar) ?? newBrowserNonce();
  let sent: unknown;
  try {
    sent = await withSignInBrowser(nonce, () =>
      signIn("email", { email: admission.email, redirect: false, redirectTo: callbackUrl }),
    );
  } catch {
    return { error: BRIEFLY_UNAVAILABLE.signIn };
  }
  // Auth.js answers with where it would send the browser; an `error` there means the mail did not go out.
  if (typeof sent === "string" && new URL(sent, "http://x").searchParams.has("error"))
    return { error: BRIEFLY_UNAVAILABLE.signIn };
  jar.set(signInBrowserCookie(), nonce, browserCookieOptions(CODE_LIFETIME_MS / 1000));
  jar.set(SIGNIN_EMAIL_COOKIE, admission.email, siteCookieOptions(CODE_LIFETIME_MS / 1000));
  redirect(`/signin?step=code&callbackUrl=${encodeURIComponent(callbackUrl)}`);
}

export async function signInWithGitHubAction(form: FormData): Promise<void> {
  await signIn("github", { redirectTo: safeCallbackUrl(form.get("callbackUrl")) });
}

export async function signOutAction(): Promise<void> {
  revalidatePath("/", "layout");
  await signOut({ redirectTo: "/" });
}
