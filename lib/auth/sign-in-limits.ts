import { env } from "../env";
import { hitRateLimit, type Limit } from "../http/rate-limit";
import { newCodeLockout } from "./guess-budget";

/**
 * How often sign-in mail may be asked for: not while the e-mail's guessing budget locks out new codes
 * (lib/auth/guess-budget.ts), then per e-mail (nobody's inbox is flooded), per client IP when a trusted proxy
 * tells it (TRUST_PROXY_HOPS), and for the whole site (a flood across many addresses). These limits only
 * ever refuse sending a code: using a code already received is never refused by them.
 */

export class RateLimitedError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "RateLimitedError";
  }
}

const MINUTE = 60_000;
export const SIGNIN_PER_EMAIL = { limit: 5, windowMs: 15 * MINUTE };
export const SIGNIN_PER_IP = { limit: 20, windowMs: 15 * MINUTE };

function limitsFor(email: string, ip: string | null): Array<Limit & { message: string }> {
  return [
    { scope: `signin-email:${email}`, ...SIGNIN_PER_EMAIL, message: "Too many codes asked for this e-mail." },
    ...(ip
      ? [{ scope: `signin-ip:${ip}`, ...SIGNIN_PER_IP, message: "Too many sign-in requests from your network." }]
      : []),
    {
      scope: "signin-global",
      limit: env.SIGNIN_GLOBAL_PER_MINUTE,
      windowMs: MINUTE,
      message: "Sign-in is very busy right now.",
    },
  ];
}

/** Counts a request for a sign-in mail; throws RateLimitedError at the first limit it exceeds. */
export async function limitSignInRequest(email: string, ip: string | null): Promise<void> {
  const lockedSeconds = await newCodeLockout(email);
  if (lockedSeconds > 0) {
    const message = "Too many wrong codes for this e-mail: a new code can be sent";
    throw new RateLimitedError(`${message} in ${lockedSeconds} s.`, lockedSeconds);
  }
  for (const { message, ...limit } of limitsFor(email, ip)) {
    const result = await hitRateLimit(limit);
    if (!result.allowed) {
      throw new RateLimitedError(`${message} Try again in ${result.retryAfterSeconds} s.`, result.retryAfterSeconds);
    }
  }
}
