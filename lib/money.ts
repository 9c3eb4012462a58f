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

/** The amount as a plain decimal in major units (`"12.50"`), as structured data and price meta tags want it. */
export function decimalAmount(cents: number, currency: string): string {
  const digits =
    new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (cents / 100).toFixed(digits);
}
