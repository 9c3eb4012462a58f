import { readDevMailbox, type Mail } from "../mail/dev-mailbox";

/**
 * The mail sent to an address (sign-in codes and links, order mails), newest first: while
 * TEST_SUPPORT_TOKEN is set every mail is kept for an hour whatever its delivery (lib/mail/send.ts),
 * so a test can read a code from a deployment whose mail goes out through SMTP.
 */
export function capturedMail(to: string): Promise<Mail[]> {
  return readDevMailbox(to);
}
