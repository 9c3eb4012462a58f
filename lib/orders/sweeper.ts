import { env } from "../env";
import { globalSingleton } from "../global-singleton";
import { onStop } from "../shutdown";
import { sweepStalePendingOrders } from "./sweep";

/**
 * Runs the stale-order sweep on its own, every ORDER_SWEEP_INTERVAL_MS, once per process (started from
 * instrumentation.ts). Every instance may sweep: the conditional status change makes two sweeps harmless.
 */
export function startOrderSweeper(): void {
  globalSingleton("orders.sweeper", () => {
    let sweeping: Promise<void> | null = null;
    const timer = setInterval(() => {
      // One sweep at a time: a slow one is not joined by the next.
      sweeping ??= sweepStalePendingOrders()
        .then(() => undefined)
        .catch((error: Error) => console.error(`[brisk] order sweep failed: ${error.message}`))
        .finally(() => (sweeping = null));
    }, env.ORDER_SWEEP_INTERVAL_MS);
    timer.unref();
    // At shutdown: no new sweep; the one running finishes.
    onStop("the order sweeper", () => (clearInterval(timer), sweeping));
    return timer;
  });
}
