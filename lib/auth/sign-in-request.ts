import type { ErrorCode } from "../http/errors";
import { clientIp } from "../http/client-ip";
import { BRIEFLY_UNAVAILABLE } from "../http/unavailable";
import { StateUnavailableError } from "../redis/state";
import { emailSchema } from "./email";
import { mailDelivery } from "../mail/delivery";
import { limitSignInRequest, RateLimitedError } from "./sign-in-limits";

/**
 * Whether a request for a sign-in mail may go ahead: a real e-mail address, e-mail sign-in on, and within
 * the rate limits. Both ways in use it: the /signin page's server action and a direct
 * `POST /api/auth/signin/email`.
 */

export type SignInAdmission =
  { ok: true; email: string } | { ok: false; code: ErrorCode; message: string; retryAfterSeconds?: number };

export async function admitSignInRequest(rawEmail: unknown, headers: Headers): Promise<SignInAdmission> {
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success) return { ok: false, code: "invalid_input", message: "Enter a valid e-mail address." };
  const delivery = mailDelivery();
  if (delivery.kind === "off") return { ok: false, code: "unavailable", message: delivery.reason };
  try {
    await limitSignInRequest(email.data, clientIp(headers));
    return { ok: true, email: email.data };
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return { ok: false, code: "rate_limited", message: error.message, retryAfterSeconds: error.retryAfterSeconds };
    }
    if (error instanceof StateUnavailableError) {
      return {
        ok: false,
        code: "unavailable",
        message: BRIEFLY_UNAVAILABLE.signIn,
      };
    }
    throw error;
  }
}
