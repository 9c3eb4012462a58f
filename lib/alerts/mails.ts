import { env } from "../env";
import { escapeHtml } from "../mail/escape-html";
import type { OutgoingMail } from "../mail/send";
import { unsubscribeToken } from "./token";

/** The two mails of a back-in-stock alert: "we will tell you", then "it is back". */

const siteUrl = (path: string) => new URL(path, env.AUTH_URL).toString();
export const unsubscribeUrl = (alertId: string) =>
  siteUrl(`/stock-alerts/unsubscribe?alert=${alertId}&token=${unsubscribeToken(alertId)}`);

interface AlertMail {
  to: string;
  alertId: string;
  product: { name: string; slug: string };
  sku: string;
}

export function subscribedMail({ to, alertId, product, sku }: AlertMail): OutgoingMail {
  const unsubscribe = unsubscribeUrl(alertId);
  return {
    to,
    subject: `We will tell you when ${product.name} is back`,
    text: `${product.name} (${sku}) is sold out. We will send one e-mail when it is back in stock.\n\nDid not ask for this? Stop it: ${unsubscribe}\n`,
    html: `<p>${escapeHtml(product.name)} (${escapeHtml(sku)}) is sold out. We will send one e-mail when it is back in stock.</p><p>Did not ask for this? <a href="${escapeHtml(unsubscribe)}">Stop it</a>.</p>`,
  };
}

export function backInStockMail({ to, product, sku }: Omit<AlertMail, "alertId">): OutgoingMail {
  const page = siteUrl(`/products/${product.slug}?variant=${encodeURIComponent(sku)}`);
  return {
    to,
    subject: `Back in stock: ${product.name}`,
    text: `${product.name} (${sku}) is back in stock: ${page}\n\nThis was the one e-mail you asked for; there will be no other.\n`,
    html: `<p><a href="${escapeHtml(page)}">${escapeHtml(product.name)}</a> (${escapeHtml(sku)}) is back in stock.</p><p>This was the one e-mail you asked for; there will be no other.</p>`,
  };
}
