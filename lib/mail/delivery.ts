import { env, type Env } from "../env";
import { isLoopbackHost } from "../http/loopback";

/**
 * Where mail goes (sign-in codes, order mails): SMTP when EMAIL_SERVER is set; else the dev mailbox, only when
 * AUTH_DEV_MAILBOX=1 and the server binds to loopback (anyone who can reach the mailbox can sign in as
 * anyone); else, on a test server (TEST_SUPPORT_TOKEN set), only to the test-support API's capture; else
 * nowhere, and e-mail sign-in is off with a message saying why.
 *
 * Whatever the delivery, while TEST_SUPPORT_TOKEN is set a copy of every mail is kept for the
 * test-support API (lib/mail/send.ts), so a suite can read codes from a deployment that sends real mail.
 */

export type MailDelivery =
  | { kind: "smtp"; server: string }
  | { kind: "dev-mailbox" }
  | { kind: "test-support" }
  | { kind: "off"; reason: string };

export function mailDelivery(source: Env = env): MailDelivery {
  if (source.EMAIL_SERVER) return { kind: "smtp", server: source.EMAIL_SERVER };
  const loopback = isLoopbackHost(source.HOST);
  if (source.AUTH_DEV_MAILBOX === "1" && loopback) return { kind: "dev-mailbox" };
  if (source.TEST_SUPPORT_TOKEN) return { kind: "test-support" };
  if (source.AUTH_DEV_MAILBOX !== "1") {
    return { kind: "off", reason: "E-mail sign-in is off: set EMAIL_SERVER (SMTP), or AUTH_DEV_MAILBOX=1 locally." };
  }
  return {
    kind: "off",
    reason: `E-mail sign-in is off: the dev mailbox is refused while the server binds to ${source.HOST}, beyond loopback.`,
  };
}
