import { WRONG_TRIES_KEPT, WRONG_TRIES_WINDOW_MS, wrongTries, type WrongTries } from "./code-store";

/**
 * The guessing budget of an e-mail: every wrong code in the last 24 hours counts, whichever code it was
 * aimed at, and a new code does not reset it. As wrong tries pile up, new codes for that e-mail are refused
 * for longer and longer. A guess can only be made with a code of one's own (each code belongs to the
 * browser that asked for it, and allows MAX_WRONG_TRIES wrong tries), so refusing new codes is what bounds
 * the guesses; verifying a code already received is never refused, so a stranger's wrong tries cannot stop
 * the owner from signing in with the code in their mail. The arithmetic is in the README ("Security").
 */

const MINUTE = 60_000;
/** From this many wrong tries in 24 hours, new codes wait this long after the newest wrong try. */
export const LOCKOUT_TIERS = [
  { from: 3, waitMs: 15 * MINUTE },
  { from: 6, waitMs: 60 * MINUTE },
] as const;
/** From this many, no new code until the count in the last 24 hours is below it again (all the log keeps). */
export const LOCKED_FROM = WRONG_TRIES_KEPT;

/** How long new codes for an e-mail must wait (ms) given its wrong tries; 0: not locked. */
export function lockoutMs({ count, newestAt, lockingAt }: WrongTries, now: number): number {
  if (count >= LOCKED_FROM) return Math.max(0, lockingAt + WRONG_TRIES_WINDOW_MS - now);
  const tier = [...LOCKOUT_TIERS].reverse().find((candidate) => count >= candidate.from);
  return tier ? Math.max(0, newestAt + tier.waitMs - now) : 0;
}

/** How long (s) the e-mail must wait for a new code, 0 when it may have one now. */
export async function newCodeLockout(email: string): Promise<number> {
  const tries = await wrongTries(email, LOCKED_FROM);
  return Math.ceil(lockoutMs(tries, Date.now()) / 1000);
}
