"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { adminFetch } from "./admin-fetch";
import { useHydrated } from "./use-hydrated";

const MOVES = [
  ["fulfilled", "Mark fulfilled", null],
  ["cancelled", "Cancel", "Cancel this order and return its stock?"],
  ["refunded", "Refund", "Refund this order and return its stock?"],
] as const;

/** A paid order's moves: fulfilled, or cancelled or refunded (its stock comes back once). */
export function OrderMoves({ order }: { order: { id: string; number: string } }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function move(to: string, question: string | null) {
    if (question && !window.confirm(`${order.number}: ${question}`)) return;
    setBusy(true);
    const moved = await adminFetch(`/api/admin/orders/${order.id}/status`, "POST", { to });
    setBusy(false);
    if (!moved.ok) return setMessage(moved.message);
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {MOVES.map(([to, label, question]) => (
        <button
          key={to}
          type="button"
          disabled={!hydrated || busy}
          onClick={() => move(to, question)}
          aria-label={`${label}: order ${order.number}`}
          className="rounded border border-stone-300 px-2 py-1 text-xs font-medium hover:border-brand-700 disabled:opacity-60"
        >
          {label}
        </button>
      ))}
      {message && (
        <span role="alert" className="text-xs text-red-800">
          {message}
        </span>
      )}
    </div>
  );
}
