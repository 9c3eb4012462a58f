/** Money is integer minor units plus an ISO currency; formatting is the only place it becomes text. */
const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number, currency: string, locale = "en-US"): string {
  const id = `${locale}:${currency}`;
  let formatter = formatters.get(id);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(id, formatter);
  }
  return formatter.format(cents / 100);
}
