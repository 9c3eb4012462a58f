import { db } from "../db";
import { signedInFrom, type CookieJar, type SignedIn } from "./current-user";
import { emailSchema } from "./email";

/**
 * Who may use the back office: a signed-in user with the ADMIN role, whose sign-in is at most eight hours
 * old. A session lives 30 days for shopping; its back-office access expires sooner, so a session left
 * open on a shared machine cannot change the shop for a month. Throws StateUnavailableError when Redis
 * cannot say who is signed in.
 */

export const ADMIN_SIGN_IN_SECONDS = 8 * 60 * 60;

export type AdminAccess =
  | { kind: "admin"; admin: SignedIn }
  /** An admin whose sign-in is older than ADMIN_SIGN_IN_SECONDS: they must sign in again. */
  | { kind: "expired" }
  /** Signed out, or not an admin: the back office does not exist for them. */
  | { kind: "none" };

export async function adminAccess(jar: CookieJar, now = Date.now()): Promise<AdminAccess> {
  const signedIn = await signedInFrom(jar);
  if (!signedIn || signedIn.user.role !== "ADMIN") return { kind: "none" };
  if (now - signedIn.session.createdAt.getTime() > ADMIN_SIGN_IN_SECONDS * 1000) return { kind: "expired" };
  return { kind: "admin", admin: signedIn };
}

/**
 * Gives the ADMIN role to the user with this e-mail, making the user when there is none yet (they sign in
 * with the usual e-mail code). `npm run admin:grant -- <email>`. Answers the address as stored,
 * and whether the user was made.
 */
export async function grantAdmin(email: string): Promise<{ email: string; created: boolean }> {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) throw new Error(`not an e-mail address: ${email}`);
  const address = parsed.data;
  const existing = await db.user.findUnique({ where: { email: address }, select: { id: true } });
  await db.user.upsert({
    where: { email: address },
    create: { email: address, role: "ADMIN" },
    update: { role: "ADMIN" },
  });
  return { email: address, created: !existing };
}
