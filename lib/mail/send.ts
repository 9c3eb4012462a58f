import nodemailer from "nodemailer";
import { env } from "../env";
import { globalSingleton } from "../global-singleton";
import { deliverToDevMailbox } from "./dev-mailbox";
import { mailDelivery } from "./delivery";

/**
 * Sends a mail the way `mailDelivery` (delivery.ts) says: SMTP, the dev mailbox, or not at all (throws).
 * While TEST_SUPPORT_TOKEN is set (test servers only), a copy is also kept where the test-support API reads it.
 */

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const transport = (server: string) =>
  globalSingleton(`mail.transport:${server}`, () => nodemailer.createTransport(server));

/**
 * `once`: a key that makes handing the mail over idempotent, for senders that may retry after a crash. The
 * dev mailbox delivers a key once; over SMTP it becomes the Message-ID, by which receiving servers drop a
 * second copy (a crash between handing a mail to the SMTP server and recording it may still send two).
 */
export async function sendMail(mail: OutgoingMail, options: { once?: string } = {}): Promise<void> {
  const delivery = mailDelivery();
  if (delivery.kind === "off") throw new Error(delivery.reason);
  if (delivery.kind === "dev-mailbox" || delivery.kind === "test-support")
    return deliverToDevMailbox(mail, options.once);
  if (env.TEST_SUPPORT_TOKEN) await deliverToDevMailbox(mail, options.once);
  const messageId = options.once && `<${options.once}@${new URL(env.AUTH_URL).hostname}>`;
  await transport(delivery.server).sendMail({ from: env.EMAIL_FROM, ...mail, ...(messageId ? { messageId } : {}) });
}
