/** Cents as the store shows them (en-US dollars), e.g. 1250 → "$12.50". */
export const dollars = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);
