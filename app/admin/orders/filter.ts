import { ORDER_STATUSES, type OrderFilter } from "@/lib/backoffice/orders-list";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (text: string) => DAY.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/** The orders page's filter from its address; a value that cannot be one is left out (the form shows what applies). */
export function orderFilterOf(params: Record<string, string | undefined>): OrderFilter {
  const text = (name: string, max: number) => params[name]?.trim().slice(0, max) || undefined;
  const status = ORDER_STATUSES.find((name) => name === params.status);
  const number = text("number", 32);
  const [from, to] = [text("from", 10), text("to", 10)];
  return {
    status,
    email: text("email", 254),
    number: number && /^[A-Za-z0-9-]+$/.test(number) ? number : undefined,
    from: from && isDay(from) ? from : undefined,
    to: to && isDay(to) ? to : undefined,
  };
}
