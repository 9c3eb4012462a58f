import { env } from "../env";
import { globalSingleton } from "../global-singleton";
import { sweepStalePendingOrders } from "./sweep";

/**
 * Runs the stale-order sweep on its own, every ORDER_SWEEP_INTERVAL_MS, once per process (started from
 * instrumentation.ts). Every instance may sweep: the conditional status change makes two sweeps harmless.
 */
export function startOrderSweeper(): void {
  globalSingleton("orders.sweeper", () => {
    const timer = setInterval(() => {
      sweepStalePendingOrders().catch((error: Error) => console.error(`[brisk] order sweep failed: ${error.message}`));
    }, env.ORDER_SWEEP_INTERVAL_MS);
    timer.unref();
    return timer;
  });
}
