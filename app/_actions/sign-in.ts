"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeCallbackUrl, SIGNIN_EMAIL_COOKIE } from "@/lib/auth/callback-url";
import { CODE_LIFETIME_MS } from "@/lib/auth/code-store";
import { signIn, signOut } from "@/lib/shop/auth";
import { secureCookies } from "@/lib/auth/cookies";
import { emailSchema } from "@/lib/auth/email";
import {
  browserCookieOptions,
  LINK_NONCE_PARAM,
  newBrowserNonce,
  parseBrowserNonce,
  SIGNIN_BROWSER_COOKIE,
  withSignInBrowser,
} from "@/lib/auth/sign-in-browser";
import { admitSignInRequest } from "@/lib/auth/sign-in-request";
import { BRIEFLY_UNAVAILABLE } from "@/lib/http/unavailable";

/**
 * The /signin page's server actions: ask for a code (checked and rate-limited as the API is; Next.js checks
 * that server actions come from the site's own origin), confirm a magic link opened in another browser,
 * GitHub, sign out.
 */

export type SignInFormState = { error?: string } | null;

export async function requestSignInCodeAction(_previous: SignInFormState, form: FormData): Promise<SignInFormState> {
  const callbackUrl = safeCallbackUrl(form.get("callbackUrl"));
  const admission = await admitSignInRequest(form.get("email"), await headers());
  if (!admission.ok) return { error: admission.message };
  const jar = await cookies();
  const nonce = parseBrowserNonce(jar.get(SIGNIN_BROWSER_COOKIE)?.value) ?? newBrowserNonce();
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
  jar.set(SIGNIN_BROWSER_COOKIE, nonce, browserCookieOptions(CODE_LIFETIME_MS / 1000));
  jar.set(SIGNIN_EMAIL_COOKIE, admission.email, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    maxAge: CODE_LIFETIME_MS / 1000,
  });
  redirect(`/signin?step=code&callbackUrl=${encodeURIComponent(callbackUrl)}`);
}

/**
 * "Sign in on this device": the shopper opened a magic link in a browser other than the one that asked,
 * and confirmed. This browser adopts the asking browser's nonce (carried by the link), then follows it.
 */
export async function confirmSignInAction(form: FormData): Promise<void> {
  const email = emailSchema.safeParse(form.get("email"));
  const nonce = parseBrowserNonce(form.get(LINK_NONCE_PARAM));
  const token = form.get("token");
  if (!email.success || !nonce || typeof token !== "string" || !/^\d{6}$/.test(token)) {
    redirect("/signin?error=Verification");
  }
  (await cookies()).set(SIGNIN_BROWSER_COOKIE, nonce, browserCookieOptions(CODE_LIFETIME_MS / 1000));
  const query = new URLSearchParams({
    callbackUrl: safeCallbackUrl(form.get("callbackUrl")),
    token,
    email: email.data,
    [LINK_NONCE_PARAM]: nonce,
  });
  redirect(`/api/auth/callback/email?${query}`);
}

export async function signInWithGitHubAction(form: FormData): Promise<void> {
  await signIn("github", { redirectTo: safeCallbackUrl(form.get("callbackUrl")) });
}

export async function signOutAction(): Promise<void> {
  revalidatePath("/", "layout");
  await signOut({ redirectTo: "/" });
}
