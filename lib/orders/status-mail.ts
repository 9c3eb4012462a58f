import { escapeHtml } from "../mail/escape-html";
import { sendMail } from "../mail/send";
import { orderLink } from "./confirmation-mail";
import type { OrderMoved } from "./transitions";

const SAID: Record<OrderMoved["to"], string> = {
  fulfilled: "is on its way",
  cancelled: "has been cancelled",
  refunded: "has been refunded",
};

/**
 * The customer's mail about a move of their order (fulfilled, cancelled, refunded). Best effort, as the
 * confirmation: the move stands whether or not the mail goes out. A user's mail links to the order in
 * their account; a guest's link needs the token only their confirmation mail carries, so it has none.
 */
export async function sendOrderStatusMail({ order, to }: OrderMoved): Promise<void> {
  const said = `Your order ${order.number} ${SAID[to]}.`;
  const link = order.userId ? orderLink(order, null) : null;
  try {
    await sendMail({
      to: order.email,
      subject: `Your Brisk order ${order.number} ${SAID[to]}`,
      text: `Hello ${order.name}. ${said}\n${link ? `\nSee it at any time: ${link}\n` : ""}`,
      html: `<p>Hello ${escapeHtml(order.name)}. ${escapeHtml(said)}</p>${link ? `<p><a href="${escapeHtml(link)}">See your order</a></p>` : ""}`,
    });
  } catch (error) {
    console.error(`[brisk] the ${to} mail of order ${order.number} was not sent: ${(error as Error).message}`);
  }
}
