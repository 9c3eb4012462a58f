"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { accountNameSchema, renameAccount } from "@/lib/auth/account";
import { confirmEmailChange, requestEmailChange } from "@/lib/auth/email-change";
import { sessionCookieName } from "@/lib/auth/cookies";
import { currentUser } from "@/lib/auth/current-user";
import { deleteUserSessions } from "@/lib/auth/session-store";
import { BRIEFLY_UNAVAILABLE } from "@/lib/http/unavailable";
import { unlessStateUnavailable } from "@/lib/redis/state";
import { describeIssues } from "@/lib/validation";

/** The account page's server actions. Signed out, each sends the browser to /signin. */

export type AccountFormState = { error?: string; saved?: boolean } | null;

async function requireUser() {
  const signedIn = await currentUser();
  if (!signedIn) redirect("/signin?callbackUrl=/account");
  return signedIn;
}

export async function renameAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const { user } = await requireUser();
  const input = accountNameSchema.safeParse({ name: form.get("name") });
  if (!input.success) return { error: describeIssues(input.error) };
  await renameAccount(user.id, input.data.name);
  revalidatePath("/", "layout");
  return { saved: true };
}

/**
 * Where the change of e-mail stands: asking for a code (`typed`: the address last typed, kept after an
 * error), or waiting for the code sent to `email`.
 */
export type EmailChangeState = {
  step: "ask" | "confirm";
  email?: string;
  typed?: string;
  error?: string;
  changedTo?: string;
};

/** Both steps of changing the e-mail, told apart by the form's `step`: send a code, then confirm it. */
export async function emailChangeAction(previous: EmailChangeState, form: FormData): Promise<EmailChangeState> {
  const confirming = form.get("step") === "confirm";
  const typed = String(form.get("email") ?? "");
  const answer = await unlessStateUnavailable(async (): Promise<EmailChangeState> => {
    const signedIn = await requireUser();
    if (confirming) {
      const result = await confirmEmailChange(signedIn, form.get("code"));
      if (result.ok) {
        revalidatePath("/account");
        return { step: "ask", changedTo: result.email };
      }
      return result.askAgain ? { step: "ask", error: result.problem } : { ...previous, error: result.problem };
    }
    const result = await requestEmailChange(signedIn, typed);
    return result.ok ? { step: "confirm", email: result.email } : { step: "ask", typed, error: result.problem };
  });
  if (answer !== "unavailable") return answer;
  return confirming
    ? { ...previous, error: BRIEFLY_UNAVAILABLE.account }
    : { step: "ask", typed, error: BRIEFLY_UNAVAILABLE.account };
}

/** Deletes every session of the user (all browsers) and this browser's cookie. */
export async function signOutEverywhereAction(): Promise<void> {
  const { user } = await requireUser();
  await deleteUserSessions(user.id);
  (await cookies()).delete(sessionCookieName());
  revalidatePath("/", "layout");
  redirect("/signin");
}
