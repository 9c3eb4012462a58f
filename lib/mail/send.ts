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

export async function sendMail(mail: OutgoingMail): Promise<void> {
  const delivery = mailDelivery();
  if (delivery.kind === "off") throw new Error(delivery.reason);
  if (delivery.kind === "dev-mailbox" || delivery.kind === "test-support") return deliverToDevMailbox(mail);
  if (env.TEST_SUPPORT_TOKEN) await deliverToDevMailbox(mail);
  await transport(delivery.server).sendMail({ from: env.EMAIL_FROM, ...mail });
}
