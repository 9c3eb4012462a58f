import { createHmac, randomBytes } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { hitRateLimit } from "../http/rate-limit";
import { sendMail } from "../mail/send";
import { EMAIL_CHANGE_USE_LUA } from "../redis/scripts/email-change";
import { withStateRedis } from "../redis/state";
import { emailSchema } from "./email";
import { emailChangedMail, emailChangeCodeMail } from "./email-change-mail";
import { authKeys } from "./keys";
import { isOneTimeCode, newOneTimeCode } from "./one-time-code";
import { runScript } from "../redis/scripts/run";

/**
 * Changing a signed-in user's e-mail: a 6-digit code goes to the new address, and only that code moves the
 * account there, so nobody can claim an address they cannot read. Asking needs a recent sign-in (a session
 * stolen long ago cannot move the account away from its owner). One pending change per user (a new request
 * replaces it), 10 minutes, MAX_WRONG_TRIES per code. Codes are capped per account (CODES_PER_ACCOUNT_DAY)
 * and per new address, from every account together (CODES_PER_ADDRESS_DAY), in fixed windows of a UTC day:
 * at most 3 codes × 3 tries = 9 guesses at an address per day (18 around midnight), at a code space of a
 * million. Whether an address belongs to another account is said only to whoever holds its code (on
 * confirming), never on asking. The old address is told once the change is made.
 * Redis failures throw StateUnavailableError.
 */

export const CHANGE_LIFETIME_MS = 10 * 60 * 1000;
export const MAX_WRONG_TRIES = 3;
export const CODES_PER_ACCOUNT_DAY = 5;
export const CODES_PER_ADDRESS_DAY = 3;
/** How recently the session must have signed in to ask for a change. */
export const RECENT_SIGN_IN_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type EmailChangeRequest =
  { ok: true; email: string } | { ok: false; problem: string; retryAfterSeconds?: number; signInAgain?: boolean };
/** `askAgain`: the pending change is gone (used up, expired or never asked): only a new code can help. */
export type EmailChangeResult = { ok: true; email: string } | { ok: false; problem: string; askAgain: boolean };

/** Keyed by AUTH_SECRET and a salt of the change: reading Redis alone does not give the code away. */
const codeHash = (salt: string, code: string) =>
  createHmac("sha256", `${env.AUTH_SECRET ?? ""}:${salt}`)
    .update(code)
    .digest("base64url");

interface Owner {
  user: { id: string; email: string };
  session: { createdAt: Date };
}

/** Sends a code to `newEmail` (raw input) for the signed-in owner, replacing any pending change. */
export async function requestEmailChange({ user, session }: Owner, newEmail: unknown): Promise<EmailChangeRequest> {
  const parsed = emailSchema.safeParse(newEmail);
  if (!parsed.success) return { ok: false, problem: parsed.error.issues[0].message };
  const email = parsed.data;
  if (email === user.email) return { ok: false, problem: "That is already your e-mail address." };
  if (Date.now() - session.createdAt.getTime() > RECENT_SIGN_IN_MS) {
    const problem = "For your safety, sign in again (within the hour) before changing your e-mail.";
    return { ok: false, problem, signInAgain: true };
  }
  for (const limit of [
    { scope: `email-change:${user.id}`, limit: CODES_PER_ACCOUNT_DAY, windowMs: DAY_MS },
    { scope: `email-change-to:${email}`, limit: CODES_PER_ADDRESS_DAY, windowMs: DAY_MS },
  ]) {
    const counted = await hitRateLimit(limit);
    if (!counted.allowed) {
      const problem = "Too many codes asked for today. Try again tomorrow.";
      return { ok: false, problem, retryAfterSeconds: counted.retryAfterSeconds };
    }
  }

  const code = newOneTimeCode();
  const salt = randomBytes(16).toString("base64url");
  const key = authKeys.emailChange(user.id);
  await withStateRedis((redis) =>
    redis
      .multi()
      .del(key)
      .hset(key, { email, salt, code: codeHash(salt, code), tries: 0 })
      .pexpire(key, CHANGE_LIFETIME_MS)
      .exec(),
  );
  try {
    await sendMail(emailChangeCodeMail(email, code));
  } catch (error) {
    console.error("[account] could not send a change of e-mail's code", error);
    // No code went out: nothing may wait for one.
    await withStateRedis((redis) => redis.del(key)).catch(() => undefined);
    return { ok: false, problem: "The mail with your code could not be sent. Please try again in a moment." };
  }
  return { ok: true, email };
}

/** The address a pending change would move the account to, or null. */
export async function pendingEmailChange(userId: string): Promise<string | null> {
  return withStateRedis((redis) => redis.hget(authKeys.emailChange(userId), "email"));
}

/** Moves the account to the pending address if `code` is its code; tells the old address. */
export async function confirmEmailChange({ user }: Pick<Owner, "user">, code: unknown): Promise<EmailChangeResult> {
  const key = authKeys.emailChange(user.id);
  const salt = await withStateRedis((redis) => redis.hget(key, "salt"));
  const given = typeof code === "string" ? code.trim() : "";
  if (!salt) {
    const problem = "No change of e-mail is waiting, or its code has expired: ask for a new code.";
    return { ok: false, problem, askAgain: true };
  }
  if (!isOneTimeCode(given)) return { ok: false, problem: "The code is the 6 digits from the mail.", askAgain: false };

  const [outcome, detail] = (await withStateRedis((redis) =>
    runScript(redis, EMAIL_CHANGE_USE_LUA, [key], codeHash(salt, given), MAX_WRONG_TRIES),
  )) as [string, string | number | undefined];
  if (outcome === "wrong")
    return { ok: false, problem: `That code is not right: ${detail} tries left.`, askAgain: false };
  if (outcome !== "changed")
    return { ok: false, problem: "That code no longer works: ask for a new one.", askAgain: true };

  const email = String(detail);
  try {
    await db.user.update({ where: { id: user.id }, data: { email, emailVerified: new Date() } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002")
      return { ok: false, problem: "That e-mail address belongs to another account.", askAgain: true };
    throw error;
  }
  await sendMail(emailChangedMail(user.email, email)).catch((error: unknown) => {
    // The change is made; a lost notice must not undo it or fail the answer.
    console.error("[account] could not tell the old address of a change of e-mail", error);
  });
  return { ok: true, email };
}
