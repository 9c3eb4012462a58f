"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { accountNameSchema, renameAccount } from "@/lib/auth/account";
import { sessionCookieName } from "@/lib/auth/cookies";
import { currentUser } from "@/lib/auth/current-user";
import { deleteUserSessions } from "@/lib/auth/session-store";
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

/** Deletes every session of the user (all browsers) and this browser's cookie. */
export async function signOutEverywhereAction(): Promise<void> {
  const { user } = await requireUser();
  await deleteUserSessions(user.id);
  (await cookies()).delete(sessionCookieName());
  revalidatePath("/", "layout");
  redirect("/signin");
}
