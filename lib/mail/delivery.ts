import { env, type Env } from "../env";
import { isLoopbackHost } from "../http/loopback";

/**
 * Where mail goes (sign-in codes, order mails): SMTP when EMAIL_SERVER is set; else the dev mailbox, only when
 * AUTH_DEV_MAILBOX=1 and the server binds to loopback (anyone who can reach the mailbox can sign in as
 * anyone); else nowhere, and e-mail sign-in is off with a message saying why.
 */

export type MailDelivery = { kind: "smtp"; server: string } | { kind: "dev-mailbox" } | { kind: "off"; reason: string };

export function mailDelivery(source: Env = env): MailDelivery {
  if (source.EMAIL_SERVER) return { kind: "smtp", server: source.EMAIL_SERVER };
  if (source.AUTH_DEV_MAILBOX !== "1") {
    return { kind: "off", reason: "E-mail sign-in is off: set EMAIL_SERVER (SMTP), or AUTH_DEV_MAILBOX=1 locally." };
  }
  if (!isLoopbackHost(source.HOST)) {
    return {
      kind: "off",
      reason: `E-mail sign-in is off: the dev mailbox is refused while the server binds to ${source.HOST}, beyond loopback.`,
    };
  }
  return { kind: "dev-mailbox" };
}
