import { createHmac } from "node:crypto";
import { env } from "../env";
import { equalSecrets } from "../equal-secrets";

/**
 * An alert's unsubscribe token: an HMAC of its id under AUTH_SECRET, so the link in its mails works without
 * signing in, cannot be made up for another alert, and nothing secret is stored.
 */
export function unsubscribeToken(alertId: string): string {
  return createHmac("sha256", env.AUTH_SECRET ?? "")
    .update(`stock-alert:${alertId}`)
    .digest("base64url");
}

export function isUnsubscribeToken(alertId: string, token: string): boolean {
  return equalSecrets(unsubscribeToken(alertId), token);
}
