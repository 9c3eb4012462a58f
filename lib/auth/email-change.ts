import { createHmac, randomBytes, randomInt } from "node:crypto";
import { db } from "../db";
import { hitRateLimit } from "../http/rate-limit";
import { sendMail } from "../mail/send";
import { EMAIL_CHANGE_USE_LUA } from "../redis/scripts/email-change";
import { withStateRedis } from "../redis/state";
import { emailSchema } from "./email";
import { emailChangedMail, emailChangeCodeMail } from "./email-change-mail";
import { authKeys } from "./keys";

/**
 * Changing a signed-in user's e-mail: a 6-digit code goes to the new address, and only that code moves the
 * account there, so nobody can claim an address they cannot read. One pending change per user (a new request
 * replaces it), 10 minutes, MAX_WRONG_TRIES per code, CODES_PER_DAY requests a day: at most 15 guesses a day
 * at a code space of a million. Whether an address belongs to another account is said only to whoever holds
 * its code (on confirming), never on asking. The old address is told once the change is made.
 * Redis failures throw StateUnavailableError.
 */

export const CHANGE_LIFETIME_MS = 10 * 60 * 1000;
export const MAX_WRONG_TRIES = 3;
export const CODES_PER_DAY = 5;

export type EmailChangeRequest =
  { ok: true; email: string } | { ok: false; problem: string; retryAfterSeconds?: number };
export type EmailChangeResult = { ok: true; email: string } | { ok: false; problem: string };

const codeHash = (salt: string, code: string) => createHmac("sha256", salt).update(code).digest("base64url");

interface Owner {
  id: string;
  email: string;
}

/** Sends a code to `newEmail` (raw input) for `user`, replacing any pending change. */
export async function requestEmailChange(user: Owner, newEmail: unknown): Promise<EmailChangeRequest> {
  const parsed = emailSchema.safeParse(newEmail);
  if (!parsed.success) return { ok: false, problem: parsed.error.issues[0].message };
  const email = parsed.data;
  if (email === user.email) return { ok: false, problem: "That is already your e-mail address." };
  const limit = await hitRateLimit({ scope: `email-change:${user.id}`, limit: CODES_PER_DAY, windowMs: 86_400_000 });
  if (!limit.allowed)
    return {
      ok: false,
      problem: "Too many codes asked for today. Try again tomorrow.",
      retryAfterSeconds: limit.retryAfterSeconds,
    };

  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
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
    return { ok: false, problem: "The mail with your code could not be sent. Please try again in a moment." };
  }
  return { ok: true, email };
}

/** The address a pending change would move the account to, or null. */
export async function pendingEmailChange(userId: string): Promise<string | null> {
  return withStateRedis((redis) => redis.hget(authKeys.emailChange(userId), "email"));
}

/** Moves the account to the pending address if `code` is its code; tells the old address. */
export async function confirmEmailChange(user: Owner, code: unknown): Promise<EmailChangeResult> {
  const key = authKeys.emailChange(user.id);
  const salt = await withStateRedis((redis) => redis.hget(key, "salt"));
  const given = typeof code === "string" ? code.trim() : "";
  if (!salt) return { ok: false, problem: "No change of e-mail is waiting, or its code has expired: ask again." };
  if (!/^\d{6}$/.test(given)) return { ok: false, problem: "The code is the 6 digits from the mail." };

  const [outcome, detail] = (await withStateRedis((redis) =>
    redis.eval(EMAIL_CHANGE_USE_LUA, 1, key, codeHash(salt, given), MAX_WRONG_TRIES),
  )) as [string, string | number | undefined];
  if (outcome === "wrong") return { ok: false, problem: `That code is not right: ${detail} tries left.` };
  if (outcome !== "changed") return { ok: false, problem: "That code no longer works: ask for a new one." };

  const email = String(detail);
  try {
    await db.user.update({ where: { id: user.id }, data: { email, emailVerified: new Date() } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002")
      return { ok: false, problem: "That e-mail address belongs to another account." };
    throw error;
  }
  await sendMail(emailChangedMail(user.email, email)).catch((error: unknown) => {
    // The change is made; a lost notice must not undo it or fail the answer.
    console.error("[account] could not tell the old address of a change of e-mail", error);
  });
  return { ok: true, email };
}
