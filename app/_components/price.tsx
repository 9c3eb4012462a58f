import { formatMoney } from "@/lib/money";

export function Price({ cents, currency, from = false }: { cents: number; currency: string; from?: boolean }) {
  return (
    <span className="tabular-nums">
      {from && <span className="font-normal text-stone-500">from </span>}
      {formatMoney(cents, currency)}
    </span>
  );
}
