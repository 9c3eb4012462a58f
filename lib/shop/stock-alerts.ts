import { subscribedMail } from "../alerts/mails";
import { restockable, subscribeToRestock } from "../alerts/subscribe";
import { emailSchema } from "../auth/email";
import { signedInFrom, type CookieJar } from "../auth/current-user";
import { hitRateLimit } from "../http/rate-limit";
import { sendMail } from "../mail/send";

/**
 * Asking for a back-in-stock mail: a signed-in shopper for their account's address (one click), a guest
 * for the address they typed. Only a valid ask for a sold-out variant counts against the limits: per
 * address (5 an hour: nobody is flooded with "we will tell you" mails), per client address (30 an hour,
 * when the app knows addresses) and for the whole store (300 a minute: the mails it sends for strangers
 * stay few whoever asks). The answer is the same whether or not the address had asked before; the "we will
 * tell you" mail goes out for a new alert only, after the answer.
 */

const HOUR_MS = 3_600_000;
const limits = (email: string, ip: string | null) => [
  { scope: `stock-alert-email:${email}`, limit: 5, windowMs: HOUR_MS },
  ...(ip ? [{ scope: `stock-alert-ip:${ip}`, limit: 30, windowMs: HOUR_MS }] : []),
  { scope: "stock-alert-all", limit: 300, windowMs: 60_000 },
];

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
  const variant = await restockable(variantId);
  if (variant.kind !== "sold_out") return variant;
  for (const limit of limits(email, request.ip)) {
    const hit = await hitRateLimit(limit);
    if (!hit.allowed) return { kind: "rate_limited", retryAfterSeconds: hit.retryAfterSeconds };
  }
  const { alertId, createdAt, fresh } = await subscribeToRestock(variantId, email);
  if (fresh) {
    const mail = subscribedMail({ to: email, alertId, product: variant.product, sku: variant.sku });
    void sendMail(mail, { once: `stock-alert-subscribed-${alertId}-${createdAt.getTime()}` }).catch((error: Error) =>
      console.warn(`[brisk] back-in-stock confirmation to ${email} not sent: ${error.message}`),
    );
  }
  return { kind: "subscribed" };
}
