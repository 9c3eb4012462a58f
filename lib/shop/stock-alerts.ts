import { subscribedMail } from "../alerts/mails";
import { subscribeToRestock } from "../alerts/subscribe";
import { emailSchema } from "../auth/email";
import { signedInFrom, type CookieJar } from "../auth/current-user";
import { hitRateLimit } from "../http/rate-limit";
import { sendMail } from "../mail/send";

/**
 * Asking for a back-in-stock mail: a signed-in shopper for their account's address (one click), a guest
 * for the address they typed. Limited per address (5 an hour: nobody is flooded with "we will tell you"
 * mails) and per client address (30 an hour, when the app knows addresses). The answer is the same whether
 * or not the address had asked before.
 */

const PER_EMAIL_HOUR = 5;
const PER_IP_HOUR = 30;
const HOUR_MS = 3_600_000;

export type AlertRequestOutcome =
  | { kind: "subscribed" }
  | { kind: "invalid_email"; message: string }
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "in_stock" }
  | { kind: "not_found" };

export async function askForRestockAlert(
  jar: CookieJar,
  request: { ip: string | null },
  variantId: number,
  typedEmail: string | undefined,
): Promise<AlertRequestOutcome> {
  const signedIn = await signedInFrom(jar);
  const parsed = emailSchema.safeParse(signedIn?.user.email ?? typedEmail ?? "");
  if (!parsed.success) return { kind: "invalid_email", message: "email: an e-mail address to write to" };
  const email = parsed.data;
  for (const scope of [`stock-alert-email:${email}`, ...(request.ip ? [`stock-alert-ip:${request.ip}`] : [])]) {
    const limit = await hitRateLimit({
      scope,
      limit: scope.startsWith("stock-alert-ip:") ? PER_IP_HOUR : PER_EMAIL_HOUR,
      windowMs: HOUR_MS,
    });
    if (!limit.allowed) return { kind: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  }
  const subscription = await subscribeToRestock(variantId, email);
  if (subscription.kind !== "subscribed") return subscription;
  const mail = subscribedMail({ to: email, ...subscription });
  await sendMail(mail, { once: `stock-alert-subscribed-${subscription.alertId}` }).catch((error: Error) =>
    console.warn(`[brisk] back-in-stock confirmation to ${email} not sent: ${error.message}`),
  );
  return { kind: "subscribed" };
}
