import { sendMail } from "../mail/send";
import { env } from "../env";
import type { Order } from "../generated/prisma/client.ts";
import { escapeHtml } from "../mail/escape-html";
import { formatMoney } from "../money";

/** The order's link: a guest's carries the access token (only its hash is stored); a user's is in the account. */
export function orderLink(order: Pick<Order, "id">, accessToken: string | null): string {
  const path = accessToken
    ? `/orders/${order.id}?token=${encodeURIComponent(accessToken)}`
    : `/account/orders/${order.id}`;
  return new URL(path, env.AUTH_URL).toString();
}

/** Best effort: an order is placed whether or not its mail goes out (mail may be off here). */
export async function sendOrderConfirmation(order: Order, accessToken: string | null): Promise<void> {
  const link = orderLink(order, accessToken);
  const total = formatMoney(order.totalCents, order.currency);
  try {
    await sendMail({
      to: order.email,
      subject: `Your Brisk order ${order.number}`,
      text: `Thank you, ${order.name}. Your order ${order.number} (${total}) is paid.\n\nSee it at any time: ${link}\n`,
      html: `<p>Thank you, ${escapeHtml(order.name)}. Your order <strong>${order.number}</strong> (${total}) is paid.</p>
<p><a href="${escapeHtml(link)}">See your order</a></p>`,
    });
  } catch (error) {
    console.error(`[brisk] the confirmation mail of order ${order.number} was not sent: ${(error as Error).message}`);
  }
}
